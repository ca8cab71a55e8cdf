"""The right-to-left web UI: Jinja2 templates, a little CSS and JavaScript, all served locally."""
