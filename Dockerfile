# Build: the whole project, UI included (Node from Debian's packages), tests skipped; run: the jar on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /data placemat && mkdir -p /data && chown placemat /data
USER placemat
ENV WORKFLOWS_DATA_DIR=/data
COPY --from=build /src/app/target/placemat-workflows.jar /app/placemat-workflows.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/placemat-workflows.jar"]
