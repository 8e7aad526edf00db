"""The web app: the REST API (`/api`), the staff pages and the customer portal (`/portal`).

The same services as the CLI; no rule is implemented twice. `create_app` in `app.py`.
"""
