#!/usr/bin/env python3
"""Where the CPU goes in a JFR recording: execution samples by the layer of their top frame, the hottest methods
(self, each with the platform's frame nearest to it), and the share of samples under each of the platform's own
layers (inclusive).

usage: bench/jfr_split.py recording.jfr   (needs the JDK's `jfr` tool on the PATH)
"""
import collections
import json
import subprocess
import sys

# first match wins: the layer a frame's class belongs to
LAYERS = [
    ("PostgreSQL driver", "org.postgresql."),
    ("Hikari", "com.zaxxer."),
    ("Jackson", "com.fasterxml.jackson."),
    ("JSONata / templates", "com.dashjoin."),
    ("Camel", "org.apache.camel."),
    ("Tomcat", "org.apache.tomcat.", "org.apache.catalina.", "org.apache.coyote."),
    ("Spring", "org.springframework."),
    ("Kafka", "org.apache.kafka."),
    ("Quartz", "org.quartz."),
    ("logging", "ch.qos.logback.", "org.slf4j."),
    ("platform: app", "dev.placemat.workflows.app."),
    ("platform: connectors", "dev.placemat.workflows.connectors."),
    ("platform: engine", "dev.placemat.workflows."),
    ("JDK HTTP client", "jdk.internal.net.http."),
    ("JDK networking / NIO", "sun.nio.", "java.nio.", "sun.net.", "java.net."),
    ("JDK crypto", "sun.security.", "javax.crypto.", "com.sun.crypto."),
    ("JDK collections / concurrency", "java.util."),
    ("JDK other", "java.", "jdk.", "sun."),
]


def layer(cls):
    for name, *prefixes in LAYERS:
        if any(cls.startswith(p) for p in prefixes):
            return name
    return "other"


def main(path):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    by_layer, by_method, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    callers = collections.defaultdict(collections.Counter)
    for event in events:
        frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
        if not frames:
            continue
        names = [(f["method"]["type"]["name"].replace("/", "."), f["method"]["name"]) for f in frames]
        top_class, top_method = names[0]
        by_layer[layer(top_class)] += 1
        by_method[f"{top_class}.{top_method}"] += 1
        own_frame = next((f"{c}.{m}" for c, m in names if c.startswith("dev.placemat.")), "(none)")
        callers[f"{top_class}.{top_method}"][own_frame] += 1
        for own in {layer(c) for c, _ in names if layer(c).startswith("platform")}:
            inclusive[own] += 1
    total = sum(by_layer.values()) or 1
    print(f"{total} execution samples")
    print("\nby the layer of the top frame (self):")
    for name, n in by_layer.most_common():
        print(f"  {100.0 * n / total:5.1f}%  {name}")
    print("\nhottest methods (self):")
    for name, n in by_method.most_common(15):
        own, _ = callers[name].most_common(1)[0]
        print(f"  {100.0 * n / total:5.1f}%  {name}  (mostly under {own})")
    print("\nsamples with the platform's code on the stack (inclusive):")
    for name, n in inclusive.most_common():
        print(f"  {100.0 * n / total:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
