"""forenad in the browser and over HTTP (``forenad serve``, the extra ``forenad[web]``).

A local web application over a folder of agreement files, and a JSON API for HR systems, on top of the
library: nothing about agreements is decided here. Modules:

- :mod:`forenad.web.app`: the application factory, :func:`create_app`, and its settings;
- :mod:`forenad.web.security`: host, token, cross-site and size checks, personnummer masking, the folder's
  boundary;
- :mod:`forenad.web.pages`: portfolio, agreement form, drafts, compare, changes, parameters;
- :mod:`forenad.web.editor` and :mod:`forenad.web.forms`: the agreement as a form built from the model,
  checked as it is typed and saved into its file with the file's comments;
- :mod:`forenad.web.wizard`: the guided questions of ``forenad new``, one screen at a time;
- :mod:`forenad.web.api`: ``/api/check``, ``/api/compare``, ``/api/draft`` and the OpenAPI description;
- :mod:`forenad.web.server`: ``forenad serve`` on uvicorn.

htmx 2.0.11 is vendored as ``static/htmx.min.js`` (from the npm package ``htmx.org``, BSD Zero Clause
licence in ``static/htmx.LICENSE.txt``); nothing is fetched at run time.

Importing this package imports FastAPI; the CLI imports it only inside ``forenad serve``.
"""

from forenad.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
