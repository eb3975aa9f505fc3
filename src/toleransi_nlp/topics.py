"""Topic classification: terorisme, radikalisme, intoleransi, toleransi (multi-label).

The model is a plain scikit-learn pipeline::

    IndonesianPreprocessor (stems, domain families, stop words)
      -> TfidfVectorizer (word 1-2 grams; character 3-5 grams optional)
      -> OneVsRestClassifier(CalibratedClassifierCV(LogisticRegression))

with a decision threshold per label chosen by cross-validation on the training corpus
(grouped by corpus batch, so each fold is scored by a model that never saw its writing brief).
The shipped model (``models/topics.joblib``) is trained on ``corpora/`` only and is
loaded only when its SHA-256 matches its model card (``models/topics.json``).

>>> probs = classify("Densus 88 menangkap terduga teroris jaringan JAD di Sukoharjo.")
>>> probs["terorisme"] > 0.5
True
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import CorpusError, Errors, InputError, ModelError, ModelIntegrityError

LABELS: tuple[str, ...] = ("terorisme", "radikalisme", "intoleransi", "toleransi")
MODEL_NAME = "topics.joblib"
CARD_NAME = "topics.json"

__all__ = [
    "LABELS",
    "TopicModel",
    "Report",
    "compose",
    "read_corpus",
    "train",
    "save_model",
    "load_model",
    "default_model_path",
    "classify",
    "topic_labels",
    "explain",
    "evaluate",
]


def compose(text: str, title: str | None = None) -> str:
    """The text the model sees: the title (when given) as the first paragraph, then the body."""
    return f"{title.strip()}\n\n{text}" if title and title.strip() else text


def read_corpus(paths: Sequence[str | Path]) -> list[dict[str, Any]]:
    """Read JSONL records with ``text`` and ``labels`` (and optional ``title``, ``id``).

    Raises:
        CorpusError: naming the file and line of a malformed record or unknown label.
    """
    records: list[dict[str, Any]] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise CorpusError(Errors.E041.format(path=path))
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            with file.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as exc:
                        reason = f"bad JSON ({exc.msg})"
                        raise CorpusError(Errors.E030.format(path=file, line=n, reason=reason)) from exc
                    if not (
                        isinstance(rec, dict)
                        and isinstance(rec.get("text"), str)
                        and isinstance(rec.get("labels"), list)
                    ):
                        reason = "need an object with 'text' (str) and 'labels' (list)"
                        raise CorpusError(Errors.E030.format(path=file, line=n, reason=reason))
                    unknown = sorted(set(rec["labels"]) - set(LABELS))
                    if unknown:
                        raise CorpusError(Errors.E032.format(path=file, line=n, labels=unknown, allowed=list(LABELS)))
                    records.append(rec)
        if not records:
            raise CorpusError(Errors.E031.format(path=path))
    return records


def _pipeline(seed: int, char_ngrams: bool, C: float, calibrate: bool = True) -> Any:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import FeatureUnion, Pipeline

    from ._preprocessor import IndonesianPreprocessor

    features: list[tuple[str, Any]] = [
        (
            "words",
            TfidfVectorizer(
                ngram_range=(1, 2), min_df=2, max_df=0.9, sublinear_tf=True, token_pattern=r"\S+", dtype=_float32()
            ),
        ),
    ]
    if char_ngrams:
        features.append(
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(3, 5),
                    min_df=3,
                    sublinear_tf=True,
                    max_features=60000,
                    dtype=_float32(),
                ),
            )
        )
    base = LogisticRegression(C=C, class_weight="balanced", max_iter=2000, solver="liblinear", random_state=seed)
    classifier: Any = base
    if calibrate:
        classifier = CalibratedClassifierCV(
            base, method="sigmoid", cv=StratifiedKFold(n_splits=3, shuffle=True, random_state=seed)
        )
    return Pipeline(
        [
            ("preprocess", IndonesianPreprocessor()),
            ("features", FeatureUnion(features)),
            ("classify", OneVsRestClassifier(classifier)),
        ]
    )


def _float32() -> Any:
    import numpy as np

    return np.float32


class _LinearScorer:
    """The fitted word TF-IDF + calibrated logistic regressions as plain arrays.

    Scoring with it gives the sklearn pipeline's probabilities (to float32 rounding) while
    importing only numpy, which keeps the command line's cold start short: scikit-learn
    alone takes about a second to import.
    """

    def __init__(self, pipeline: Any, labels: Sequence[str]) -> None:
        import numpy as np

        union = pipeline.named_steps["features"]
        (name, vec), *rest = union.transformer_list
        if rest or vec.analyzer != "word" or not vec.sublinear_tf or vec.norm != "l2":
            raise ValueError("only a single sublinear word TF-IDF block can be compacted")
        prep = pipeline.named_steps["preprocess"]
        self.prep_params = {
            k: getattr(prep, k) for k in ("stem", "stopwords", "families", "keep_proper_nouns", "normalize_text")
        }
        self.ngram_range = vec.ngram_range
        self.vocabulary = dict(vec.vocabulary_)
        self.idf = np.asarray(vec.idf_, dtype=np.float64)
        weights, intercepts, slopes, offsets, owners = [], [], [], [], []
        for k, est in enumerate(pipeline.named_steps["classify"].estimators_):
            for cc in est.calibrated_classifiers_:
                weights.append(cc.estimator.coef_[0])
                intercepts.append(cc.estimator.intercept_[0])
                slopes.append(cc.calibrators[0].a_)
                offsets.append(cc.calibrators[0].b_)
                owners.append(k)
        self.weights = np.asarray(weights, dtype=np.float64).T.copy()
        self.intercepts = np.asarray(intercepts)
        self.slopes = np.asarray(slopes)
        self.offsets = np.asarray(offsets)
        self.owners = np.asarray(owners)
        self.n_labels = len(labels)

    def features(self, doc: str) -> tuple[Any, Any]:
        import numpy as np

        words = doc.lower().split()
        lo, hi = self.ngram_range
        counts: dict[int, int] = {}
        vocab = self.vocabulary
        for n in range(lo, hi + 1):
            for i in range(len(words) - n + 1):
                j = vocab.get(words[i] if n == 1 else " ".join(words[i : i + n]))
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        vals = (np.log(tf) + 1.0) * self.idf[idx]
        norm = np.sqrt((vals * vals).sum())
        return idx, (vals / norm if norm > 0 else vals)

    def proba(self, docs: Sequence[str]) -> Any:
        import numpy as np

        out = np.zeros((len(docs), self.n_labels))
        counts = np.bincount(self.owners, minlength=self.n_labels)
        for row, doc in enumerate(docs):
            idx, vals = self.features(doc)
            decision = vals @ self.weights[idx] + self.intercepts
            p = 1.0 / (1.0 + np.exp(self.slopes * decision + self.offsets))
            out[row] = np.bincount(self.owners, weights=p, minlength=self.n_labels) / counts
        return out


class TopicModel:
    """A trained topic model: the sklearn pipeline, its labels and per-label thresholds.

    ``pipeline_`` is the fitted scikit-learn pipeline (preprocessing, features, classifiers);
    ``thresholds_`` maps each label to the probability from which it is assigned; ``info_``
    holds the training settings and cross-validated metrics. Predictions use an array copy of
    the fitted weights when the pipeline allows it, so loading a model for prediction does
    not import scikit-learn; the pipeline itself is unpickled on first use (``explain``).
    """

    def __init__(
        self,
        pipeline_: Any,
        labels: tuple[str, ...] = LABELS,
        thresholds_: dict[str, float] | None = None,
        info_: dict[str, Any] | None = None,
    ) -> None:
        self._pipeline = pipeline_
        self._blob: bytes | None = None
        self.labels = tuple(labels)
        self.thresholds_ = dict(thresholds_ or {})
        self.info_ = dict(info_ or {})
        try:
            self.scorer_: _LinearScorer | None = _LinearScorer(pipeline_, self.labels)
        except (ValueError, AttributeError, KeyError, IndexError):
            self.scorer_ = None

    @property
    def pipeline_(self) -> Any:
        if self._pipeline is None:
            import pickle

            assert self._blob is not None
            self._pipeline = pickle.loads(self._blob)
        return self._pipeline

    def __getstate__(self) -> dict[str, Any]:
        import pickle

        state = dict(self.__dict__)
        state["_blob"] = self._blob if self._pipeline is None else pickle.dumps(self._pipeline, protocol=4)
        state["_pipeline"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def preprocess(self, text: str) -> str:
        """The feature string the model computes from one text (stems, families, stop words)."""
        from .stemming import feature_string
        from .text import normalize, tokenize

        params = self.scorer_.prep_params if self.scorer_ is not None else {}
        if params.get("normalize_text", True):
            text = normalize(text)
        return feature_string(tokenize(text), **{k: v for k, v in params.items() if k != "normalize_text"})

    def features_from_tokens(self, tokens: Sequence[Any]) -> str:
        """The feature string of an already normalised and tokenised text."""
        from .stemming import feature_string

        params = self.scorer_.prep_params if self.scorer_ is not None else {}
        return feature_string(list(tokens), **{k: v for k, v in params.items() if k != "normalize_text"})

    def predict_proba(self, texts: Iterable[str]) -> Any:
        """Probability of each label (columns in ``labels`` order) for each text."""
        texts = list(texts)
        for i, t in enumerate(texts):
            if not isinstance(t, str):
                raise InputError(f"text {i}: " + Errors.E001.format(type=type(t).__name__))
        if self.scorer_ is None:
            return self.pipeline_.predict_proba(texts)
        return self.scorer_.proba([self.preprocess(t) for t in texts])

    def proba_from_features(self, preprocessed: Sequence[str]) -> Any:
        """Probabilities from texts already run through the model's preprocessor."""
        if self.scorer_ is not None:
            return self.scorer_.proba(preprocessed)
        feats = self.pipeline_.named_steps["features"].transform(preprocessed)
        return self.pipeline_.named_steps["classify"].predict_proba(feats)

    def decide(self, probs: Sequence[float]) -> list[str]:
        """The labels whose probability reaches their threshold."""
        return [lab for lab, p in zip(self.labels, probs) if p >= self.thresholds_.get(lab, 0.5)]

    def predict(self, texts: Iterable[str]) -> list[list[str]]:
        """Thresholded labels for each text."""
        return [self.decide(row) for row in self.predict_proba(texts)]

    def explain(self, text: str, label: str, k: int = 10) -> list[tuple[str, float]]:
        """The ``k`` features that pushed ``label``'s score most, with their contributions.

        A contribution is the feature's TF-IDF value times the (calibration-averaged)
        logistic-regression weight; positive values push towards the label.
        """
        import numpy as np

        if label not in self.labels:
            raise InputError(f"unknown label {label!r}; choose one of {list(self.labels)}")
        prep = self.pipeline_.named_steps["preprocess"].transform([text])
        union = self.pipeline_.named_steps["features"]
        feats = union.transform(prep).tocsr()
        names = union.get_feature_names_out()
        est = self.pipeline_.named_steps["classify"].estimators_[self.labels.index(label)]
        if hasattr(est, "calibrated_classifiers_"):
            coef = np.mean([c.estimator.coef_[0] for c in est.calibrated_classifiers_], axis=0)
        else:
            coef = est.coef_[0]
        row = feats.getrow(0)
        contrib = [(_feature_label(str(names[j])), float(v * coef[j])) for j, v in zip(row.indices, row.data)]
        contrib.sort(key=lambda x: -abs(x[1]))
        return contrib[:k]


def _feature_label(name: str) -> str:
    """'words__teroris' -> 'teroris'; 'chars__ ter' -> 'chars:" ter"'."""
    kind, _, term = name.partition("__")
    return term if kind == "words" else f'{kind}:"{term}"'


def _best_threshold(y: Any, p: Any) -> float:
    best, best_f = 0.5, -1.0
    for t in [x / 100 for x in range(15, 86, 5)]:
        pred = p >= t
        tp = float((pred & (y == 1)).sum())
        fp = float((pred & (y == 0)).sum())
        fn = float((~pred & (y == 1)).sum())
        f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f > best_f + 1e-9:
            best, best_f = t, f
    return best


def train(
    corpus_paths: Sequence[str | Path],
    *,
    seed: int = 0,
    char_ngrams: bool = False,
    C: float = 4.0,
    folds: int = 5,
    calibrate: bool = True,
) -> TopicModel:
    """Train a topic model on JSONL corpora (``title``, ``text``, ``labels``).

    Thresholds are chosen per label by ``folds``-fold cross-validation (maximising F1);
    the cross-validated metrics go into ``info_``. Deterministic for a given seed.

    Args:
        corpus_paths: JSONL files or folders of them.
        seed: random seed of every shuffled split.
        char_ngrams: add character 3-5-gram TF-IDF features. Off by default: they raise the
            cross-validated score on our corpus a little but learn its writers' style and
            generalise worse to real news.
        C: inverse regularisation strength of the logistic regressions.
        calibrate: calibrate each label's probabilities with sigmoid calibration (3-fold).
        folds: cross-validation folds for thresholds and metrics.
    """
    import numpy as np
    from sklearn.model_selection import GroupKFold, KFold

    records = read_corpus(corpus_paths)
    texts = [compose(r["text"], r.get("title")) for r in records]
    y = np.array([[int(lab in r["labels"]) for lab in LABELS] for r in records])
    prep = _pipeline(seed, char_ngrams, C, calibrate).named_steps["preprocess"]
    pre = prep.transform(texts)
    oof = np.zeros(y.shape, dtype=float)
    groups = [str((r.get("meta") or {}).get("batch") or "") for r in records]
    if len(set(groups)) >= folds:
        # Out-of-batch predictions: each batch was written from its own brief and style, so
        # scoring it with a model that never saw that style mimics the shift to real news
        # better than a shuffled split, and gives less over-confident thresholds.
        splits = GroupKFold(n_splits=folds).split(pre, groups=groups)
    else:
        splits = KFold(n_splits=folds, shuffle=True, random_state=seed).split(pre)
    for tr, te in splits:
        fold = _pipeline(seed, char_ngrams, C, calibrate)
        fold.steps[0] = ("preprocess", "passthrough")
        fold.fit([pre[i] for i in tr], y[tr])
        oof[te] = fold.predict_proba([pre[i] for i in te])
    thresholds = {lab: _best_threshold(y[:, j], oof[:, j]) for j, lab in enumerate(LABELS)}
    gold = [[lab for j, lab in enumerate(LABELS) if y[i, j]] for i in range(len(records))]
    pred = [[lab for j, lab in enumerate(LABELS) if oof[i, j] >= thresholds[lab]] for i in range(len(records))]
    cv_report = Report.from_labels(gold, pred)
    pipeline = _pipeline(seed, char_ngrams, C, calibrate)
    pipeline.steps[0] = ("preprocess", "passthrough")
    pipeline.fit(pre, y)
    pipeline.steps[0] = ("preprocess", prep)
    info = {
        "records": len(records),
        "seed": seed,
        "char_ngrams": char_ngrams,
        "C": C,
        "folds": folds,
        "calibrate": calibrate,
        "cv_metrics": cv_report.to_dict(),
    }
    return TopicModel(pipeline_=pipeline, thresholds_=thresholds, info_=info)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def save_model(
    model: TopicModel,
    directory: str | Path,
    *,
    corpus_paths: Sequence[str | Path] = (),
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write ``topics.joblib`` and its model card ``topics.json`` into ``directory``.

    The card records labels, thresholds, the training corpus SHA-256 and size, library
    versions, cross-validated metrics and the SHA-256 of the joblib file.
    """
    import platform

    import joblib
    import sklearn

    from . import __version__

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / MODEL_NAME
    joblib.dump(model, path, compress=3)
    corpus = []
    for p in corpus_paths:
        p = Path(p)
        for f in sorted(p.glob("*.jsonl")) if p.is_dir() else [p]:
            corpus.append({"file": f.as_posix(), "sha256": _sha256(f), "bytes": f.stat().st_size})
    card = {
        "model": MODEL_NAME,
        "sha256": _sha256(path),
        "labels": list(model.labels),
        "thresholds": model.thresholds_,
        "training": {"corpus": corpus, **{k: v for k, v in model.info_.items() if k != "cv_metrics"}},
        "cv_metrics": model.info_.get("cv_metrics"),
        "versions": {
            "toleransi_nlp": __version__,
            "scikit-learn": sklearn.__version__,
            "joblib": joblib.__version__,
            "python": platform.python_version(),
        },
    }
    if extra:
        card.update(extra)
    (directory / CARD_NAME).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def default_model_path() -> Path:
    """The packaged model: inside the installed package, or ``models/`` of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "models" / MODEL_NAME, here.parents[1] / "models" / MODEL_NAME):
        if candidate.exists():
            return candidate
    return here / "models" / MODEL_NAME


def load_model(path: str | Path | None = None, *, trusted: bool = False) -> TopicModel:
    """Load a topic model, verifying its SHA-256 against its model card first.

    Unpickling runs code, so a file is unpickled only when the card beside it
    (``topics.json``, or ``<name>.json``) names this file and records its SHA-256.

    Args:
        path: a ``.joblib`` file; the packaged model when None.
        trusted: skip the checks, for a model file of your own.

    Raises:
        ModelError: the file or its card is missing, or the file holds no TopicModel.
        ModelIntegrityError: the checksum does not match or the card names another file.
    """
    import joblib

    path = Path(path) if path is not None else default_model_path()
    if not path.is_file():
        raise ModelError(Errors.E020.format(path=path))
    card_data: dict[str, Any] = {}
    if not trusted:
        card = path.with_suffix(".json")
        if not card.is_file():
            raise ModelError(Errors.E021.format(path=path, card=card))
        try:
            card_data = json.loads(card.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ModelError(Errors.E025.format(card=card, reason=exc)) from exc
        named = card_data.get("model")
        if named != path.name:
            raise ModelIntegrityError(Errors.E023.format(path=path, card=card, named=named))
        actual = _sha256(path)
        if actual != card_data.get("sha256"):
            raise ModelIntegrityError(
                Errors.E022.format(path=path, card=card, actual=actual, expected=card_data.get("sha256"))
            )
    model = joblib.load(path)
    if not isinstance(model, TopicModel):
        raise ModelError(Errors.E024.format(path=path, type=type(model).__name__))
    trained = (card_data.get("versions") or {}).get("scikit-learn")
    if trained:
        # Read the version from package metadata: importing scikit-learn takes about a second.
        from importlib.metadata import version

        installed = version("scikit-learn")
        if trained != installed:
            warnings.warn(Errors.E026.format(path=path, trained=trained, installed=installed), stacklevel=2)
    return model


@lru_cache(maxsize=1)
def _default_model() -> TopicModel:
    return load_model()


def classify(text: str, *, title: str | None = None) -> dict[str, float]:
    """Probability of each topic label for one article, with the packaged model.

    >>> sorted(classify("Harga cabai naik menjelang Lebaran di pasar Bekasi."))
    ['intoleransi', 'radikalisme', 'terorisme', 'toleransi']
    """
    if not isinstance(text, str):
        raise InputError(Errors.E001.format(type=type(text).__name__))
    model = _default_model()
    row = model.predict_proba([compose(text, title)])[0]
    return {lab: float(p) for lab, p in zip(model.labels, row)}


def topic_labels(text: str, *, title: str | None = None) -> list[str]:
    """The thresholded labels of one article (empty list = other news).

    >>> topic_labels("Wisata kuliner di Bandung ramai dikunjungi saat libur panjang.")
    []
    """
    probs = classify(text, title=title)
    return _default_model().decide([probs[lab] for lab in LABELS])


def explain(text: str, label: str, k: int = 10) -> list[tuple[str, float]]:
    """The terms that pushed ``label`` for ``text`` with the packaged model, strongest first."""
    return _default_model().explain(text, label, k)


@dataclass(frozen=True)
class Report:
    """Per-label precision/recall/F1/support, micro and macro averages, label confusion.

    ``confusion[g][p]`` counts articles with gold label ``g`` that were predicted ``p``
    (``"(none)"`` for articles with no gold or no predicted label).
    """

    per_label: dict[str, dict[str, float]]
    micro: dict[str, float]
    macro: dict[str, float]
    confusion: dict[str, dict[str, int]]
    n: int

    @classmethod
    def from_labels(
        cls, gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]], labels: Sequence[str] = LABELS
    ) -> Report:
        per: dict[str, dict[str, float]] = {}
        tp_all = fp_all = fn_all = 0
        for lab in labels:
            tp = sum(1 for g, p in zip(gold, pred) if lab in g and lab in p)
            fp = sum(1 for g, p in zip(gold, pred) if lab not in g and lab in p)
            fn = sum(1 for g, p in zip(gold, pred) if lab in g and lab not in p)
            tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
            per[lab] = _prf(tp, fp, fn) | {"support": tp + fn}
        keys = [*labels, "(none)"]
        confusion = {g: {p: 0 for p in keys} for g in keys}
        for g, p in zip(gold, pred):
            for gl in g or ["(none)"]:
                for pl in p or ["(none)"]:
                    confusion[gl][pl] += 1
        macro = {m: sum(per[lab][m] for lab in labels) / len(labels) for m in ("precision", "recall", "f1")}
        return cls(per, _prf(tp_all, fp_all, fn_all), macro, confusion, len(gold))

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "per_label": self.per_label,
            "micro": self.micro,
            "macro": self.macro,
            "confusion": self.confusion,
        }

    def table(self) -> str:
        """A plain-text table of the report."""
        lines = [f"{'label':<14}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}"]
        for lab, m in self.per_label.items():
            lines.append(f"{lab:<14}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>10.3f}{int(m['support']):>10}")
        for name, m in (("micro avg", self.micro), ("macro avg", self.macro)):
            lines.append(f"{name:<14}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>10.3f}{self.n:>10}")
        keys = list(self.confusion)
        lines.append("")
        lines.append("confusion (rows: gold, columns: predicted)")
        lines.append(" " * 14 + "".join(f"{k[:11]:>12}" for k in keys))
        for g in keys:
            lines.append(f"{g:<14}" + "".join(f"{self.confusion[g][p]:>12}" for p in keys))
        return "\n".join(lines)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def evaluate(model: TopicModel, records: Sequence[dict[str, Any]]) -> Report:
    """Score ``model`` on gold records (``text``, ``labels``, optional ``title``)."""
    texts = [compose(r["text"], r.get("title")) for r in records]
    pred = model.predict(texts)
    return Report.from_labels([r["labels"] for r in records], pred, model.labels)
