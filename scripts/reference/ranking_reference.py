#!/usr/bin/env python3
"""Reference values for Tests/LivrevRankingTests, computed with scikit-learn and asreview-insights.

Usage: python3 scripts/reference/ranking_reference.py > Tests/LivrevRankingTests/Fixtures/ranking_reference.json

- tokens: scikit-learn's TfidfVectorizer(ngram_range=(1, 2)) analyzer on a few strings;
- tfidf: TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, max_df=0.95) on a tiny corpus,
  each row's nonzero weights by term;
- svm: LinearSVC(C=0.11, loss="squared_hinge", tol=1e-8, max_iter=100000) decision values, with
  ASReview's Balanced(ratio=9.8) sample weights, trained on some rows of that corpus;
- logistic: the same with LogisticRegression's liblinear dual solver (C=1, the intercept as a
  regularised feature, which is what liblinear's dual formulation fits);
- curves: asreview-insights' _wss and _recall on hand-made label sequences.
"""
import json

import numpy as np
from asreview.models.balancers import Balanced
from asreviewcontrib.insights.metrics import _recall, _wss
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

STRINGS = [
    "Methylphenidate for ADHD: a double-blind, placebo-controlled trial.",
    "Öffentliche Verwaltung & e-Government (2019) — a_b x y 3D β-blockers",
    "Don't split 10.5mg/kg; UPPER lower MiXeD",
]

CORPUS = [
    "Methylphenidate in children with attention deficit hyperactivity disorder",
    "A randomized trial of methylphenidate versus placebo in ADHD",
    "Atomoxetine for ADHD in adults: a randomized placebo controlled trial",
    "Smoking cessation with bupropion and nicotine patch",
    "Clonidine as an analgesic in paediatric adenotonsillectomy",
    "Nicotine patch and counselling for smoking cessation in adults",
    "Long-term methylphenidate treatment and growth in children",
    "Public sector performance management and citizen trust",
    "Citizen trust in e-government services",
    "Dexmethylphenidate extended release in children with ADHD: a trial",
]
INCLUDED = [1, 1, 1, 0, 0, 0, 1, 0, 0, 1]
TRAIN = [0, 3, 4, 7, 1, 8]

SEQUENCES = [
    [1, 0, 1, 0, 0, 1, 0, 0, 0, 0],
    [0, 0, 0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] + [0] * 180 + [1],
    [0] * 30 + [1] + [0] * 40 + [1, 1] + [0] * 27,
]


def main():
    out = {}
    analyzer = TfidfVectorizer(ngram_range=(1, 2)).build_analyzer()
    out["tokens"] = [{"text": s, "terms": analyzer(s)} for s in STRINGS]

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, max_df=0.95)
    x = vectorizer.fit_transform(CORPUS)
    names = vectorizer.get_feature_names_out()
    rows = []
    for r in range(x.shape[0]):
        row = x.getrow(r)
        rows.append({names[c]: float(v) for c, v in zip(row.indices, row.data)})
    out["tfidf"] = {"corpus": CORPUS, "rows": rows, "terms": len(names)}

    y = np.array([INCLUDED[i] for i in TRAIN])
    weights = Balanced(ratio=9.8).compute_sample_weight(y)
    svm = LinearSVC(C=0.11, loss="squared_hinge", tol=1e-8, max_iter=100000, dual=True)
    svm.fit(x[TRAIN], y, sample_weight=weights)
    logistic = LogisticRegression(C=1.0, solver="liblinear", dual=True, tol=1e-10, max_iter=100000)
    logistic.fit(x[TRAIN], y, sample_weight=weights)
    out["training"] = {"rows": TRAIN, "labels": y.tolist(), "weights": weights.tolist()}
    out["svm"] = svm.decision_function(x).tolist()
    out["logistic"] = logistic.decision_function(x).tolist()

    out["curves"] = [
        {
            "labels": seq,
            "wss95": float(_wss(seq, 0.95)),
            "wss100": float(_wss(seq, 1.0)),
            "recall10": float(_recall(seq, 0.10)),
            "recall25": float(_recall(seq, 0.25)),
        }
        for seq in SEQUENCES
    ]
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
