"""Model architectures of the entry parser, registered with spaCy's registry (config.cfg names
them; importing this module before spacy.load makes them known)."""
from __future__ import annotations

from spacy.util import registry
from thinc.api import LSTM, Dropout, Maxout, chain, clone, expand_window, residual, with_array, with_padded


@registry.architectures("pubsift.CNNBiLSTMEncoder.v1")
def cnn_bilstm_encoder(width: int, cnn_depth: int, window_size: int, lstm_depth: int, dropout: float):
    """A shallow CNN for local shape (an initial, a page range), then a bidirectional LSTM over
    the whole entry: where a title ends depends on what comes after it, beyond any fixed
    window. thinc's own LSTM runs on NumPy, so no torch is needed; at width 64 it is faster on
    one core than the three-layer CNN it replaces."""
    cnn = clone(
        residual(chain(
            expand_window(window_size=window_size),
            Maxout(nO=width, nI=width * (window_size * 2 + 1), nP=2, normalize=True),
            Dropout(dropout),
        )),
        cnn_depth,
    )
    model = chain(with_array(cnn, pad=window_size), with_padded(LSTM(width, width, bi=True, depth=lstm_depth, dropout=dropout)))
    model.set_dim("nO", width)
    return model
