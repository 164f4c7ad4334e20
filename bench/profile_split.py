#!/usr/bin/env python3
"""Where the CPU goes in an async-profiler recording (collapsed stacks, one thread per stack root): samples by
thread group, then, for the platform's own threads (not the JIT compiler's or the collector's), by the layer of the
deepest frame whose layer is known, the hottest methods (self, each with the platform frame nearest to it), and the
platform's methods with the largest share of samples under them (inclusive).

usage: bench/profile_split.py load.collapsed
"""
import collections
import re
import sys

# first match wins: the layer a frame's class belongs to
LAYERS = [
    ("PostgreSQL driver", "org/postgresql/"),
    ("Hikari", "com/zaxxer/"),
    ("Jackson", "com/fasterxml/jackson/"),
    ("JSONata", "com/dashjoin/"),
    ("Camel", "org/apache/camel/"),
    ("Apache HttpClient", "org/apache/hc/"),
    ("Tomcat", "org/apache/tomcat/", "org/apache/catalina/", "org/apache/coyote/"),
    ("Spring Security", "org/springframework/security/"),
    ("Spring", "org/springframework/"),
    ("Micrometer", "io/micrometer/"),
    ("logging", "ch/qos/logback/", "org/slf4j/"),
    ("platform: app", "dev/placemat/workflows/app/"),
    ("platform: connectors", "dev/placemat/workflows/connectors/"),
    ("platform: engine", "dev/placemat/workflows/"),
]
# thread groups by name (the number at the end of a pool's thread names dropped)
GROUPS = [
    ("request threads (Tomcat)", "http-nio-"),
    ("execution and step threads (Camel)", "Camel ("),
    ("outbound HTTP I/O (httpclient)", "httpclient-"),
    ("execution writer", "execution-writer"),
    ("JIT compiler", "C1 CompilerThre", "C2 CompilerThre", "Sweeper thread"),
    ("collector and VM", "VM Thread", "GC Thread", "VM Periodic"),
]
NOT_THE_PLATFORM = {"JIT compiler", "collector and VM"}


def layer(frame):
    for name, *prefixes in LAYERS:
        if frame.startswith(tuple(prefixes)):
            return name
    return None


def group(thread):
    for name, *prefixes in GROUPS:
        if any(p in thread for p in prefixes):
            return name
    return re.sub(r"[-#\s]*\d+$", "", thread) or "other"


def main(path):
    by_group, by_layer, by_method, inclusive = (collections.Counter() for _ in range(4))
    callers = collections.defaultdict(collections.Counter)
    total = platform = 0
    for line in open(path):
        stack, _, count = line.rstrip().rpartition(" ")
        frames = stack.split(";")
        n = int(count)
        thread = group(re.sub(r" tid=\d+", "", frames[0].strip("[]")))
        by_group[thread] += n
        total += n
        if thread in NOT_THE_PLATFORM:
            continue
        platform += n
        code = frames[1:]
        by_layer[next(filter(None, map(layer, reversed(code))), "JDK and other")] += n
        top = code[-1] if code else "(none)"
        by_method[top] += n
        callers[top][next((f for f in reversed(code) if f.startswith("dev/placemat/")), "(none)")] += n
        for own in {f for f in code if f.startswith("dev/placemat/") and "$$Lambda" not in f}:
            inclusive[own] += n
    if not total:
        print("no samples")
        return
    print(f"{total} samples (every 2 ms of CPU)\n\nby thread:")
    for name, n in by_group.most_common(12):
        print(f"  {100.0 * n / total:5.1f}%  {name}")
    print(f"\nthe platform's threads ({platform} samples; not the JIT's nor the collector's), by the layer of the "
          "deepest known frame:")
    for name, n in by_layer.most_common():
        print(f"  {100.0 * n / platform:5.1f}%  {name}")
    print("\nhottest methods (self):")
    for name, n in by_method.most_common(15):
        own, _ = callers[name].most_common(1)[0]
        print(f"  {100.0 * n / platform:5.1f}%  {name}  (under {own})")
    print("\nthe platform's methods by the samples under them (inclusive):")
    for name, n in inclusive.most_common(20):
        print(f"  {100.0 * n / platform:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
