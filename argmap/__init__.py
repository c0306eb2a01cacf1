"""argmap: argument maps kept as hand-curated YAML, drawn with Graphviz."""

__version__ = "0.1.0"
