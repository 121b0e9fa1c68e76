"""Render: a result dict (the JSON object of the contract) as text, Markdown, JSON, Rich or HTML.

Renderers take the JSON-shaped dict, so batch workers only ship plain data back; nothing here
computes a result. The format names live here, so that the command line imports no renderer
to list them.
"""

FORMATS = ("rich", "text", "markdown", "json", "jsonl", "html")
EXTENSIONS = {"rich": "txt", "text": "txt", "markdown": "md", "json": "json", "jsonl": "jsonl", "html": "html"}
