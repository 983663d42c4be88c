"""Locust users for the load test: the council widget's page and the three researchers' questions.

Run by `python -m bench.loadtest` in a locust process of its own (locust patches the standard library
with gevent on import, so nothing else imports this file). The council codes the widget asks about
come from the runner in OFSTED_LOADTEST_CODES.
"""

from __future__ import annotations

import json
import os
import random
from typing import Any

from locust import FastHttpUser, task

from bench.loadtest.questions import (
    CAREER_PERSON,
    COUNCIL_PAGE,
    GLOUCESTERSHIRE,
    GLOUCESTERSHIRE_ILACS_2022,
    GLOUCESTERSHIRE_SIF_2017,
    LEADERS_WHEN_RATED,
    LEADERSHIP_CHANGES,
    PERSON_CAREER,
)

CODES = os.environ.get("OFSTED_LOADTEST_CODES", GLOUCESTERSHIRE).split(",")


class Visitor(FastHttpUser):
    """A widget on a council's page, or a researcher asking a question, as fast as answers come."""

    @task(4)
    def council_widget(self) -> None:
        variables = json.dumps({"code": random.choice(CODES)})
        self._ask("GET", "widget: council page", params={"query": COUNCIL_PAGE, "variables": variables})

    @task
    def leaders_when_rated(self) -> None:
        self._post("leadersWhenRated", LEADERS_WHEN_RATED, {"code": GLOUCESTERSHIRE})

    @task
    def leadership_changes(self) -> None:
        variables = {
            "code": GLOUCESTERSHIRE,
            "from": GLOUCESTERSHIRE_SIF_2017,
            "to": GLOUCESTERSHIRE_ILACS_2022,
        }
        self._post("leadershipChanges", LEADERSHIP_CHANGES, variables)

    @task
    def person_career(self) -> None:
        self._post("person career", PERSON_CAREER, {"name": CAREER_PERSON})

    def _post(self, name: str, query: str, variables: dict[str, Any]) -> None:
        self._ask("POST", name, json={"query": query, "variables": variables})

    def _ask(self, method: str, name: str, **kwargs: Any) -> None:
        # A GraphQL error comes back with HTTP 200, so the body decides whether the request failed.
        with self.client.request(method, "/graphql", name=name, catch_response=True, **kwargs) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
                return
            body = response.json()
            if body.get("errors"):
                response.failure(body["errors"][0].get("message", "GraphQL error"))
            elif not any(body.get("data", {}).values()):
                response.failure("empty answer")
