"""Seeded edge-case CSVs for the differential test against real Deequ (test_deequ_agreement.py).

Each case is one small CSV with a header (one Spark partition, so Spark's row order is the file's),
aimed at one class of disagreement found before, or at a part of the analyzer that must match bit
for bit (HLL registers, multi-level KLL sketches, order-dependent sums).
"""

import random

SEED = 17


def quoted_empty(rng):
    """Class 1: writers that quote every field write an empty one as `""`."""
    rows = ["x,label"]
    for i in range(60):
        x = '""' if i % 7 == 3 else str(rng.randint(-50, 50))
        label = '""' if i % 5 == 1 else f'"{rng.choice(["a", "b", "c"])}"'
        rows.append(f"{x},{label}")
    return rows


def separated_sign(rng):
    """Class 2: a sign apart from its digits matches Deequ's pattern but not Spark's cast."""
    rows = ["i,f"]
    for _ in range(40):
        sign = rng.choice(["-", "+", "- ", "+ ", "", " "])
        rows.append(f"{sign}{rng.randint(0, 99)},{sign}{rng.randint(0, 999) / 8}")
    return rows


def big_integers(rng):
    """Class 3: integers past 2^63, and a column whose 64-bit sum overflows."""
    rows = ["beyond,overflow,safe"]
    for _ in range(30):
        beyond = rng.randint(2**63, 2**70) * rng.choice([1, -1])
        overflow = rng.randint(2**61, 2**62)
        rows.append(f"{beyond},{overflow},{rng.randint(-(2**40), 2**40)}")
    return rows


def huge_mean(rng):
    """Class 4: |mean| of 1e154 and more, where Welford's m2 overflows."""
    rows = ["huge,constant,normal"]
    for _ in range(25):
        huge = rng.randint(1, 9) * 10.0 ** rng.randint(154, 300)
        rows.append(f"{huge!r},1e200,{rng.random()!r}")
    return rows


def signed_zero(rng):
    """Class 5: which of -0.0 and 0.0 min and max keep."""
    rows = ["neg_first,pos_first,integral_zeros"]
    for i in range(20):
        first = i < 10
        rows.append(
            f"{'-0.0' if first else '0.0'},{'0.0' if first else '-0.0'},{'-0' if i % 2 else '0'}"
        )
    return rows


def crlf_in_quotes(rng):
    """Class 6: a CRLF inside a quoted field of a file whose lines end in LF."""
    rows = ["note,n"]
    for i in range(30):
        note = f'"line {i % 4}\r\nnext"' if i % 3 == 0 else f"plain{i % 4}"
        rows.append(f"{note},{i}")
    return rows


def null_marker(rng):
    """Class 7: the text Deequ's histogram uses for nulls, as a real value."""
    rows = ["tag,n"]
    for i in range(30):
        tag = ["NullValue", "", "red", "blue"][i % 4]
        rows.append(f"{tag},{i}")
    return rows


def many_ids(rng):
    """HLL registers on many distinct values; a numeric column long enough for KLL levels."""
    rows = ["id,amount,category"]
    for _ in range(6000):
        rows.append(
            f"id-{rng.getrandbits(48):012x},{rng.randint(0, 10**6) / 100},"
            f"{rng.choice(['x', 'y', 'z', 'w'])}"
        )
    return rows


def extremes(rng):
    """Doubles at the edges: past the largest, subnormals, the largest finite."""
    values = ["1e400", "-1e400", "4.9e-324", "1e-320", "1.7976931348623157e308", "-2.5e-310"]
    rows = ["edge,plain"]
    for i in range(24):
        rows.append(f"{values[i % len(values)]},{rng.randint(0, 9)}.5")
    return rows


def order_sums(rng):
    """Double sums whose result depends on the order of the additions."""
    rows = ["x"]
    for _ in range(50):
        rows.append(rng.choice(["1e16", "1", "-1e16", "0.1", "3.3333333333333335"]))
    return rows


def bom_blank_lines(rng):
    """A byte-order mark and blank lines between rows."""
    rows = ["\ufeffa,b"]
    for i in range(30):
        rows.append(f"{rng.randint(0, 20)},{rng.choice(['p', 'q'])}")
        if i % 6 == 2:
            rows.append("")
    return rows


def quoted_commas_newlines(rng):
    """RFC 4180 quoting: commas, doubled quotes and LF newlines inside quotes."""
    texts = ['"a,b"', '"say ""hi"""', '"two\nlines"', "plain", '"x"']
    rows = ["text,n"]
    for _ in range(40):
        rows.append(f"{rng.choice(texts)},{rng.randint(0, 100)}")
    return rows


def booleans_mixed(rng):
    """Boolean votes alone, and mixed with numbers."""
    rows = ["flags,mixed,upper"]
    for _ in range(30):
        rows.append(
            f"{rng.choice(['true', 'false'])},{rng.choice(['true', '1', '2.5'])},"
            f"{rng.choice(['TRUE', 'False'])}"
        )
    return rows


def duplicate_header(rng):
    """A header naming two columns alike (and one differing only in case), and an empty name."""
    rows = ["a,A,a,b,"]
    for _ in range(20):
        rows.append(",".join(str(rng.randint(0, 9)) for _ in range(5)))
    return rows


CASES = {
    generate.__name__: generate
    for generate in (
        quoted_empty,
        separated_sign,
        big_integers,
        huge_mean,
        signed_zero,
        crlf_in_quotes,
        null_marker,
        many_ids,
        extremes,
        order_sums,
        bom_blank_lines,
        quoted_commas_newlines,
        booleans_mixed,
        duplicate_header,
    )
}


def write_cases(folder):
    """Writes every case as ``folder/<name>.csv`` (LF line ends); returns {name: path}."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, generate in CASES.items():
        rows = generate(random.Random(f"{SEED}-{name}"))
        path = folder / f"{name}.csv"
        path.write_bytes(("\n".join(rows) + "\n").encode("utf-8"))
        paths[name] = path
    return paths
