"""The local model store: catalog, hub downloads, model resolution and CTranslate2 conversion."""
