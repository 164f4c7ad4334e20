package dev.placemat.workflows.app.console;

import java.util.Set;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;

/**
 * What the console (Hawtio, through Jolokia) may do with JMX: look, never change. It sees only Camel's MBeans, the
 * JVM's memory, threads, runtime, class loading, compilation and garbage collectors, and the platform's and the
 * console's own MBeans; everything else (DiagnosticCommand, HotSpotDiagnostic, logging, the MBean server itself) is
 * hidden and refused. Attributes are read, never written; an operation runs only when its name says it reads
 * ({@code dump...}, {@code get...}, {@code is...}, {@code can...}, {@code find...}, {@code browse...},
 * {@code list...}, {@code explain...}): {@code stop}, {@code remove}, {@code gc}, {@code reset...} and
 * {@code set...} do not. Named in {@code management.endpoint.jolokia.config.restrictorClass}; Jolokia creates it.
 */
public class ConsoleRestrictor implements Restrictor {

    private static final Set<String> DOMAINS = Set.of("org.apache.camel", "dev.placemat.workflows", "hawtio");
    private static final Set<String> JVM_TYPES = Set.of("Memory", "MemoryPool", "MemoryManager", "GarbageCollector",
            "Threading", "Runtime", "OperatingSystem", "ClassLoading", "Compilation");
    private static final Pattern READING = Pattern.compile("(dump|get|is|can|find|browse|list|explain)[A-Z(]?.*");
    private static final Set<RequestType> TYPES = Set.of(RequestType.READ, RequestType.LIST, RequestType.SEARCH,
            RequestType.VERSION, RequestType.EXEC);

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        // GET carries reads only: ConsoleReadOnlyGet refuses the other request types before they get here
        return true;
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return TYPES.contains(type);
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return visible(name);
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return false;
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        return visible(name) && READING.matcher(operation).matches();
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        // who may use the console is decided by the platform's sign-in (admins only)
        return true;
    }

    @Override
    public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsEnabled) {
        return true;
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return !visible(name);
    }

    static boolean visible(ObjectName name) {
        if (name.isPattern()) {
            return true;
        }
        String domain = name.getDomain();
        return DOMAINS.contains(domain)
                || "java.lang".equals(domain) && JVM_TYPES.contains(name.getKeyProperty("type"));
    }
}
