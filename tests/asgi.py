"""FastAPI's TestClient, imported once for every test module that drives the app in process.

Starlette 1.x warns at import that its TestClient wants httpx2; httpx still works, and the test
suite turns warnings into errors, so the import is made here with that one warning ignored.
"""

from __future__ import annotations

import warnings

from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

__all__ = ["TestClient"]
