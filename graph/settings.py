"""The one settings object: everything the service reads from its environment."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Where the API serves its Neo4j Browser guide to the named queries (api/guide.py).
BROWSER_GUIDE_PATH = "/browser-guide"


class Settings(BaseSettings):
    """Settings read from variables prefixed OFSTED_ (or a .env file); see README "Settings"."""

    model_config = SettingsConfigDict(
        env_prefix="OFSTED_", env_file=".env", extra="ignore", validate_default=True
    )

    neo4j_uri: str | None = Field(
        default=None,
        description="Bolt or routing URI of an external Neo4j; unset means the local server on bolt_port.",
    )
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = Field(
        default=SecretStr("ofsted-graph-local"),
        description="Set on the local server before its first start; Neo4j wants 8+ characters.",
    )
    neo4j_database: str = "neo4j"

    neo4j_home: Path = Field(
        default=PROJECT_ROOT / ".neo4j",
        description="Folder holding the local server's jars, conf, data and logs (git-ignored).",
    )
    listen_address: str = "127.0.0.1"
    bolt_port: int = 7687
    http_port: int = 7474
    # 2 cores / 24 GiB shared with the API and loaders: the whole real graph is a few MB, so a
    # modest heap and page cache leave most memory to the OS cache and Python.
    neo4j_heap: str = "2g"
    neo4j_pagecache: str = "1g"
    neo4j_transaction_timeout: str = "30s"
    neo4j_start_timeout: float = 120.0
    java_home: Path | None = Field(default=None, description="JDK to run Neo4j; unset uses java on PATH.")
    maven: str = Field(default="mvn", description="Maven command used once to fetch Neo4j's jars.")

    data_dir: Path = PROJECT_ROOT.parent / "shared" / "data"
    seeds_dir: Path = PROJECT_ROOT.parent / "shared" / "seeds"

    api_host: str = "127.0.0.1"
    api_port: int = 8000
    api_answer_cache_mb: int = Field(
        default=64,
        description="Bound of each API process's cache of repeat answers (api/answers.py); 0 turns it off.",
    )
    api_access_log: bool = Field(
        default=False,
        description="Log a line per API request (granian's access log): about 4 % of a repeat's time.",
    )

    @field_validator("neo4j_home")
    @classmethod
    def _absolute_home(cls, value: Path) -> Path:
        # The server and Maven run with the home as their working directory; a relative home
        # ("OFSTED_NEO4J_HOME=.neo4j-bench") would then point somewhere else.
        return value.expanduser().resolve()

    @field_validator("neo4j_password")
    @classmethod
    def _long_enough(cls, value: SecretStr) -> SecretStr:
        # Neo4j's dbms.security.auth_minimum_password_length defaults to 8; failing here is clearer
        # than a refused set-initial-password deep inside the first start.
        if len(value.get_secret_value()) < 8:
            raise ValueError("the Neo4j password needs at least 8 characters")
        return value

    @property
    def bolt_uri(self) -> str:
        """The URI the driver connects to."""
        return self.neo4j_uri or f"bolt://{self.listen_address}:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        """Where a researcher opens Neo4j Browser on the local server."""
        return f"http://localhost:{self.http_port}/browser/"

    @property
    def api_reach_host(self) -> str:
        """The API's host as a browser on this machine reaches it (an API on every address is localhost)."""
        return "localhost" if self.api_host in ("0.0.0.0", "::", "") else self.api_host

    @property
    def browser_guide_url(self) -> str:
        """Where the API serves the Neo4j Browser guide, as a browser reaches it."""
        host = self.api_reach_host
        return f"http://{f'[{host}]' if ':' in host else host}:{self.api_port}{BROWSER_GUIDE_PATH}"

    @property
    def browser_post_connect_cmd(self) -> str:
        """What Neo4j Browser runs after connecting: play the API's guide to the named queries."""
        return f"play {self.browser_guide_url}"
