"""Analysis package of the Monitor Regiodeal Vitale Wijken.

Layers, in the order data flows: ``readers`` (one per publisher format) ->
``build`` (kernset builder, driven by the registries) -> ``data/processed`` ->
notebooks and the book. Registries live in ``registries``.
"""

__version__ = "0.1.0"
