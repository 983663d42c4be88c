"""A local Neo4j Community server assembled from Maven Central jars and run as one Java process.

No Docker and no tarball: `graph/neo4j-pom.xml` names the server and Browser artifacts, Maven copies
their runtime closure into `<home>/lib` once, and we launch `CommunityEntryPoint` ourselves. See
`../shared/design/neo4j-from-maven.md` for the research behind each step.

Usage:
    status = start(settings)   # assembles on first use, waits for Bolt; a no-op when running
    status = server_status(settings)
    stop(settings)             # SIGTERM, then waits for a clean shutdown
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from graph.errors import (
    JavaNotFoundError,
    MavenNotFoundError,
    PortInUseError,
    ServerError,
    ServerExitedError,
)
from graph.settings import Settings

POM = Path(__file__).with_name("neo4j-pom.xml")
NEO4J_VERSION = re.search(r"<neo4j.version>([^<]+)<", POM.read_text()).group(1)  # type: ignore[union-attr]
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
MIN_JAVA = 17
LOG_TAIL_LINES = 25

# Servers this process launched. Holding the Popen keeps Python from warning that a child still
# runs when the object is collected; stop() reaps the child through it.
_launched: dict[int, subprocess.Popen[bytes]] = {}

# The flags Neo4j's own launcher passes (server.jvm.additional in the 5.26 neo4j.conf). Launching the
# entry point directly, neo4j.conf's JVM settings are ignored, so they go on the command line here.
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
)


@dataclass(frozen=True)
class ServerStatus:
    """What `status` reports about the local server."""

    running: bool
    pid: int | None
    version: str
    bolt_port: int
    http_port: int
    home: Path


def start(settings: Settings, *, on_progress: Callable[[str], None] | None = None) -> ServerStatus:
    """Start the local server and wait until Bolt answers; a no-op when it already runs.

    Raises:
        JavaNotFoundError, MavenNotFoundError: a tool is missing or too old.
        PortInUseError: the Bolt or HTTP port is taken by another process.
        ServerExitedError: Neo4j died while starting (the message ends with its log's last lines).
        ServerError: Bolt did not answer within `neo4j_start_timeout`.
    """
    say = on_progress or (lambda _msg: None)
    if (pid := running_pid(settings)) is not None:
        return _status(settings, pid)
    java = find_java(settings)
    ensure_ports_free(settings)
    home = settings.neo4j_home
    if not jars_ready(home):
        say(f"Fetching Neo4j {NEO4J_VERSION} jars from Maven Central (once)")
        assemble(settings)
    _make_folders(home)
    write_config(settings)
    set_initial_password(settings, java)
    say(f"Starting Neo4j {NEO4J_VERSION}")
    process = _launch(settings, java)
    wait_until_ready(settings, process)
    return _status(settings, process.pid)


def stop(settings: Settings, *, timeout: float = 60.0) -> bool:
    """Stop the local server gracefully (SIGTERM, then wait). Returns False if it was not running."""
    pid = running_pid(settings)
    if pid is None:
        return False
    proc = psutil.Process(pid)
    proc.send_signal(signal.SIGTERM)
    if not wait_gone(proc, timeout):
        # A shutdown that hangs this long would hold the store lock forever; kill is the lesser harm.
        proc.kill()
        if not wait_gone(proc, 10):
            raise ServerError(f"Neo4j (pid {pid}) did not stop after SIGKILL; stop it by hand.")
    if (child := _launched.pop(pid, None)) is not None:
        child.wait()
    _pid_file(settings.neo4j_home).unlink(missing_ok=True)
    return True


def wait_gone(proc: psutil.Process, timeout: float) -> bool:
    """Wait until the process has exited; True if it did within the timeout.

    An exited process whose parent never reaps it (the `up` that started it was killed, and this
    machine's init does not reap) stays a zombie: its pid exists, so psutil's own wait would time out
    although the server is long gone and its store lock released.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            if proc.status() == psutil.STATUS_ZOMBIE:
                with contextlib.suppress(psutil.TimeoutExpired, ChildProcessError):
                    proc.wait(timeout=0)  # reaps it when it is our own child
                return True
        except psutil.NoSuchProcess:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)


def server_status(settings: Settings) -> ServerStatus:
    """Report whether the local server runs, with its version, ports and home."""
    return _status(settings, running_pid(settings))


def _status(settings: Settings, pid: int | None) -> ServerStatus:
    return ServerStatus(
        running=pid is not None,
        pid=pid,
        version=NEO4J_VERSION,
        bolt_port=settings.bolt_port,
        http_port=settings.http_port,
        home=settings.neo4j_home,
    )


def running_pid(settings: Settings) -> int | None:
    """The pid of this home's Neo4j process, or None (a stale pid file is removed)."""
    pid_file = _pid_file(settings.neo4j_home)
    if not pid_file.exists():
        return None
    try:
        pid = int(pid_file.read_text().strip())
        cmdline = psutil.Process(pid).cmdline()
    except (ValueError, psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        pid_file.unlink(missing_ok=True)
        return None
    # A recycled pid belongs to some other program; only our entry point with our home counts.
    home_arg = f"--home-dir={settings.neo4j_home.resolve()}"
    ours = ENTRY_POINT in cmdline and home_arg in cmdline
    if ours and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
        return pid
    pid_file.unlink(missing_ok=True)
    return None


def find_java(settings: Settings) -> Path:
    """Find a Java 17+ executable: JAVA_HOME from settings, else `java` on PATH."""
    if settings.java_home is not None:
        java = settings.java_home / "bin" / "java"
        if not java.exists():
            raise JavaNotFoundError(
                f"OFSTED_JAVA_HOME is {settings.java_home}, which has no bin/java. "
                "Point it at a JDK 17 or 21 folder, or unset it to use java on PATH."
            )
    else:
        found = shutil.which("java")
        if found is None:
            raise JavaNotFoundError(
                "No java on PATH. Install Java 17 (e.g. apt-get install openjdk-17-jre-headless) "
                "or set OFSTED_JAVA_HOME."
            )
        java = Path(found)
    version = java_major_version(java)
    if version < MIN_JAVA:
        raise JavaNotFoundError(
            f"{java} is Java {version}; Neo4j {NEO4J_VERSION} needs Java 17 or 21. "
            "Install Java 17 or set OFSTED_JAVA_HOME to one."
        )
    return java


def java_major_version(java: Path) -> int:
    """The major version `java -version` reports (8 for "1.8.0")."""
    try:
        out = subprocess.run([str(java), "-version"], capture_output=True, text=True, timeout=30, check=False)
    except OSError as exc:
        raise JavaNotFoundError(f"{java} could not be run: {exc}") from exc
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if match is None:
        raise JavaNotFoundError(f"{java} -version printed no version: {out.stderr.strip()[:200]}")
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def jars_ready(home: Path) -> bool:
    """True when `<home>/lib` holds the jars for the pinned pom (a changed pin re-assembles)."""
    marker = home / "lib" / ".assembled"
    return marker.exists() and marker.read_text() == _pom_digest()


def assemble(settings: Settings) -> Path:
    """Copy the runtime closure of the pinned Neo4j and Browser jars into `<home>/lib`."""
    maven = shutil.which(settings.maven)
    if maven is None:
        raise MavenNotFoundError(
            f"Maven ('{settings.maven}') is not installed; it is needed once to fetch Neo4j's jars. "
            "Install it (apt-get install maven) or set OFSTED_MAVEN to its path."
        )
    lib = settings.neo4j_home / "lib"
    if lib.exists():
        shutil.rmtree(lib)
    lib.mkdir(parents=True)
    env = {**os.environ}
    if settings.java_home is not None:
        env["JAVA_HOME"] = str(settings.java_home)
    result = subprocess.run(
        [
            maven,
            "-B",
            "-q",
            "-f",
            str(POM),
            "dependency:copy-dependencies",
            f"-Dneo4j.lib.dir={lib}",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0 or not any(lib.glob("neo4j-browser-*.jar")):
        tail = _tail((result.stdout + result.stderr).splitlines())
        raise ServerError(f"Maven could not fetch Neo4j {NEO4J_VERSION}'s jars:\n{tail}")
    (lib / ".assembled").write_text(_pom_digest())
    return lib


def _pom_digest() -> str:
    return hashlib.sha256(POM.read_bytes()).hexdigest()


def ensure_ports_free(settings: Settings) -> None:
    """Refuse to start when the Bolt or HTTP port is taken, naming the holder where known."""
    for name, port in (("Bolt", settings.bolt_port), ("HTTP", settings.http_port)):
        if _port_free(settings.listen_address, port):
            continue
        holder = port_holder(port)
        raise PortInUseError(
            f"{name} port {port} on {settings.listen_address} is already in use{holder}. "
            f"Stop that process or choose another port (OFSTED_{name.upper()}_PORT)."
        )


def _port_free(address: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # SO_REUSEADDR matches what Neo4j does, so a port in TIME_WAIT does not count as taken.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((address, port))
        except OSError:
            return False
    return True


def port_holder(port: int) -> str:
    """' by NAME (pid N: COMMAND)' for the process listening on the port, or '' when unknown."""
    try:
        for conn in psutil.net_connections(kind="tcp"):
            if conn.laddr and conn.laddr.port == port and conn.status == psutil.CONN_LISTEN:
                if conn.pid is None:
                    return ""
                proc = psutil.Process(conn.pid)
                return f" by {proc.name()} (pid {conn.pid}: {' '.join(proc.cmdline())[:120]})"
    except (psutil.AccessDenied, psutil.NoSuchProcess):
        pass
    return ""


def _make_folders(home: Path) -> None:
    for sub in ("conf", "data", "logs", "run", "plugins", "import"):
        (home / sub).mkdir(parents=True, exist_ok=True)


def write_config(settings: Settings) -> Path:
    """Write `<home>/conf/neo4j.conf` from settings (rewritten on every start)."""
    conf = settings.neo4j_home / "conf" / "neo4j.conf"
    lines = {
        "server.directories.data": "data",
        "server.directories.logs": "logs",
        "server.directories.plugins": "plugins",
        "server.directories.run": "run",
        # Without this LOAD CSV could read any file on the machine.
        "server.directories.import": "import",
        "server.default_listen_address": settings.listen_address,
        "server.bolt.listen_address": f":{settings.bolt_port}",
        # Browser connects back to the advertised Bolt address; the default would say 7687.
        "server.bolt.advertised_address": f"localhost:{settings.bolt_port}",
        "server.http.listen_address": f":{settings.http_port}",
        "server.http.advertised_address": f"localhost:{settings.http_port}",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": "true",
        "server.memory.pagecache.size": settings.neo4j_pagecache,
        "db.transaction.timeout": settings.neo4j_transaction_timeout,
        "dbms.usage_report.enabled": "false",
        "client.allow_telemetry": "false",
        # The command Browser runs after connecting comes from settings (the API's guide); Browser
        # fetches guides only from hosts on this list (5.26 still spells the setting "whitelist").
        "browser.post_connect_cmd": settings.browser_post_connect_cmd,
        "browser.remote_content_hostname_whitelist": ",".join(
            dict.fromkeys(("guides.neo4j.com", "localhost", settings.api_reach_host))
        ),
    }
    conf.write_text(
        "# Written by graph/server.py from settings on every start; edits here are overwritten.\n"
        + "".join(f"{key}={value}\n" for key, value in lines.items())
    )
    return conf


def set_initial_password(settings: Settings, java: Path) -> None:
    """Set the neo4j user's password before the first start (it cannot be set this way later)."""
    home = settings.neo4j_home
    if (home / "data" / "dbms" / "auth.ini").exists():
        return
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    result = subprocess.run(
        [
            str(java),
            "-cp",
            str(home / "lib" / "*"),
            "org.neo4j.cli.AdminTool",
            "dbms",
            "set-initial-password",
            settings.neo4j_password.get_secret_value(),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise ServerError(f"Setting the initial Neo4j password failed: {result.stderr.strip()[-500:]}")


def _launch(settings: Settings, java: Path) -> subprocess.Popen[bytes]:
    home = settings.neo4j_home.resolve()
    command = [
        str(java),
        f"-Xms{settings.neo4j_heap}",
        f"-Xmx{settings.neo4j_heap}",
        *JVM_FLAGS,
        "-cp",
        f"{home / 'plugins'}/*:{home / 'conf'}/*:{home / 'lib'}/*",
        ENTRY_POINT,
        f"--home-dir={home}",
        f"--config-dir={home / 'conf'}",
        "--console-mode",
    ]
    # Truncated each start, so the tail shown after a failed start is this start's.
    console = (home / "logs" / "console.log").open("wb")
    # A session of its own, so Ctrl-C in the terminal that ran `start` does not kill the server.
    process = subprocess.Popen(
        command,
        stdout=console,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        cwd=home,
        start_new_session=True,
    )
    console.close()
    _launched[process.pid] = process
    _pid_file(home).write_text(str(process.pid))
    return process


def wait_until_ready(settings: Settings, process: subprocess.Popen[bytes]) -> None:
    """Poll Bolt until it answers with our credentials, or fail with the reason."""
    deadline = time.monotonic() + settings.neo4j_start_timeout
    auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    uri = f"bolt://{settings.listen_address}:{settings.bolt_port}"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _launched.pop(process.pid, None)
            _pid_file(settings.neo4j_home).unlink(missing_ok=True)
            raise ServerExitedError(
                f"Neo4j exited with code {process.returncode} while starting. "
                f"Last lines of {settings.neo4j_home / 'logs'}:\n{log_tail(settings)}"
            )
        try:
            with GraphDatabase.driver(uri, auth=auth) as driver:
                driver.verify_connectivity()
            return
        except AuthError as exc:
            raise ServerError(
                f"Neo4j at {uri} refused the configured password. The password is set only on a "
                f"fresh home; the one in {settings.neo4j_home} was set earlier with another value. "
                "Use that value (OFSTED_NEO4J_PASSWORD) or remove the home folder's data/."
            ) from exc
        except (ServiceUnavailable, OSError):
            time.sleep(0.5)
    raise ServerError(
        f"Neo4j did not answer on Bolt {uri} within {settings.neo4j_start_timeout:.0f}s. "
        f"It is still running (pid {process.pid}); last log lines:\n{log_tail(settings)}"
    )


def log_tail(settings: Settings, lines: int = LOG_TAIL_LINES) -> str:
    """The last lines of the console log (and neo4j.log when the console log is empty)."""
    logs = settings.neo4j_home / "logs"
    for name in ("console.log", "neo4j.log"):
        path = logs / name
        if path.exists() and path.stat().st_size:
            return _tail(path.read_text(errors="replace").splitlines(), lines)
    return "(no log written)"


def _tail(lines: list[str], count: int = LOG_TAIL_LINES) -> str:
    return "\n".join(lines[-count:])


def _pid_file(home: Path) -> Path:
    return home / "run" / "ofsted-graph.pid"
