#!/usr/bin/env python3
"""Writes N synthetic RIS records of about 1.5 KB each, with known duplicates.

Usage: make-ris.py N OUT.ris

Every 20th record repeats an earlier record's DOI (written with a resolver prefix and
upper case), and every 33rd repeats an earlier title with different punctuation and
case, so `dedup` has real work. The text is pseudo-random but seeded: the same N
gives the same file.
"""
import random
import sys

WORDS = ("mesenchymal stromal cells intravenous infusion safety adverse events randomized trial "
         "placebo controlled phase outcome patients stroke heart failure liver cirrhosis cohort "
         "allogeneic autologous dose follow-up months efficacy infection fever mortality analysis").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def main():
    n = int(sys.argv[1])
    rng = random.Random(20261121)
    titles = []
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for i in range(1, n + 1):
            title = sentence(rng, 14).capitalize() + f" ({i})"
            first, year = (i * 7) % 5000, 2000 + i % 25
            doi = f"10.5555/bench.{i}"
            if i % 20 == 0 and i > 20:
                doi = "https://doi.org/" + f"10.5555/BENCH.{rng.randrange(1, i - 1)}"
            if i % 33 == 0 and titles:
                title, first, year = titles[rng.randrange(len(titles))]
                title = title.upper() + "!"
                doi = f"10.5555/other.{i}"
            titles.append((title, first, year))
            out.write("TY  - JOUR\n")
            for a in range(6):
                out.write(f"AU  - Author{(first + a) % 5000} {chr(65 + a)}\n")
            out.write(f"TI  - {title}\n")
            out.write(f"T2  - Journal of Synthetic Studies {i % 50}\n")
            out.write(f"PY  - {year}\n")
            out.write(f"AB  - {sentence(rng, 150)}\n")
            out.write(f"DO  - {doi}\n")
            out.write("ER  - \n\n")


if __name__ == "__main__":
    main()
