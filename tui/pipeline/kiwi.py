"""The one lazily built Kiwi analyser of a process, with the gazetteer's user words loaded first."""

from __future__ import annotations

import threading

_LOCK = threading.Lock()
_KIWI = None


def get_kiwi():
    """Return this process's Kiwi, building it (about a second) on first use."""
    global _KIWI
    if _KIWI is None:
        with _LOCK:
            if _KIWI is None:
                from kiwipiepy import Kiwi

                # one core per process (--jobs adds processes); no typo dictionary: it serves typo correction only,
                # which is off, and skipping it makes the analyser ready 0.18 s sooner (the same tokens on the
                # press CSV and 420 news articles)
                kiwi = Kiwi(load_multi_dict=False, load_typo_dict=False, num_workers=1)
                from tui.pipeline.gazetteer import user_words

                for word, tag in user_words():
                    kiwi.add_user_word(word, tag)
                kiwi.tokenize("준비")  # the first analysis builds internal tables; pay it here
                _KIWI = kiwi
    return _KIWI
