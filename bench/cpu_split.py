#!/usr/bin/env python3
"""Where the CPU went during a load level, read from /proc (no agent, nothing attached to the JVM): CPU seconds of the
platform's JVM by thread group (request threads, Camel threads, JIT compilers, GC, the execution writer...), of its
PostgreSQL and of the HTTP stub, and each one's CPU per execution. wrk runs only during the level, so it is not
read: what the machine's two cores gave beyond these went to wrk, the kernel's own threads, or nothing.

usage: bench/cpu_split.py snap JVM_PID STUB_PID > before.json     (before the level)
       bench/cpu_split.py diff before.json after.json EXECUTIONS    (after it, with the executions it stored)
       bench/cpu_split.py brief before.json after.json EXECUTIONS   (one line: the JVM's and PostgreSQL's CPU per
                                                                     execution)
"""
import json
import os
import re
import sys

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(stat_path):
    """The process's or thread's name and its user + system CPU seconds."""
    with open(stat_path) as f:
        stat = f.read()
    name = stat[stat.index("(") + 1:stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2:].split()
    return name, (int(fields[11]) + int(fields[12])) / TICK


def snap(jvm, stub):
    groups, threads = {}, {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            name, seconds = cpu_seconds(f"/proc/{pid}/stat")
        except (OSError, ValueError):
            continue  # gone meanwhile
        group = {jvm: "platform JVM", stub: "HTTP stub"}.get(pid)
        if group is None and name.startswith("postgres"):
            group = "PostgreSQL"
        if group:
            groups[group] = groups.get(group, 0) + seconds
    for tid in os.listdir(f"/proc/{jvm}/task"):
        try:
            name, seconds = cpu_seconds(f"/proc/{jvm}/task/{tid}/stat")
        except (OSError, ValueError):
            continue
        group = re.sub(r"[-# ]*\d+$", "", name)  # "http-nio-18181-exec-12" and its siblings are one group
        threads[group] = threads.get(group, 0) + seconds
    return {"groups": groups, "threads": threads}


def diff(before, after, executions):
    def delta(key):
        return {k: v - before[key].get(k, 0) for k, v in after[key].items()}

    groups, threads = delta("groups"), delta("threads")
    for name, seconds in sorted(groups.items(), key=lambda kv: -kv[1]):
        per = f"  {seconds * 1000 / executions:.2f} ms per execution" if executions else ""
        print(f"  {name:34s} {seconds:7.1f} s CPU{per}")
    print("  platform JVM by thread (threads that started and ended during the level are not counted):")
    for name, seconds in sorted(threads.items(), key=lambda kv: -kv[1]):
        if seconds >= 0.05:
            print(f"    {name:32s} {seconds:7.1f} s")


def brief(before, after, executions):
    def per(group):
        seconds = after["groups"].get(group, 0) - before["groups"].get(group, 0)
        return f"{seconds * 1000 / executions:.3f} ms"

    print(f"CPU per request: JVM {per('platform JVM')}, PostgreSQL {per('PostgreSQL')}")


if __name__ == "__main__":
    if sys.argv[1] == "snap":
        json.dump(snap(sys.argv[2], sys.argv[3]), sys.stdout)
    else:
        with open(sys.argv[2]) as b, open(sys.argv[3]) as a:
            {"diff": diff, "brief": brief}[sys.argv[1]](json.load(b), json.load(a), int(sys.argv[4]))
