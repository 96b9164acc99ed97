/* parsers._textscan: scans of a page's bytes and text that need no tree, in C.
 *
 * utf8_length: is a page strictly valid UTF-8, and how many characters does it hold?
 * `decode.decode` takes a page's bytes as UTF-8 only when they are exactly that, and a
 * UTF-8 page goes to lexbor as the bytes it is: the str that `bytes.decode` would make
 * is then only needed for its length and first few thousand characters. Making it costs
 * a fifth of a lexbor parse on a 100 KB Chinese page; this check reads the same bytes
 * several times faster (runs of ASCII eight bytes at a time) and makes nothing. The
 * rules are CPython's strict UTF-8 decoder's (Unicode's table 3-7 of well-formed
 * sequences): no overlong forms, no surrogates (U+D800-U+DFFF), nothing past U+10FFFF,
 * no truncated sequence.
 *
 * words_in: which of some twenty words a page's text prints (`text.words_present`), in
 * one pass that looks at a character only when some word starts with it.
 *
 * `tests/parsers/test_textscan.py` checks both against Python's own answers.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* utf8_length: the number of characters of `data`, or -1 when it is not strictly valid UTF-8. */
static Py_ssize_t utf8_chars(const unsigned char *data, Py_ssize_t length) {
    Py_ssize_t i = 0, chars = 0;
    while (i < length) {
        unsigned char b = data[i];
        if (b < 0x80) {
            /* ASCII: eight bytes at a time while it lasts */
            while (i + 8 <= length) {
                uint64_t word;
                memcpy(&word, data + i, 8);
                if ((word & 0x8080808080808080ULL) != 0) {
                    break;
                }
                i += 8;
                chars += 8;
            }
            while (i < length && data[i] < 0x80) {
                i++;
                chars++;
            }
            continue;
        }
        /* Three bytes led by E1-EC or EE-EF (CJK text, full-width punctuation): no overlong
         * form or surrogate to rule out, only the two continuation bytes. */
        if (b >= 0xE1 && b != 0xED && b <= 0xEF && i + 2 < length && (data[i + 1] & 0xC0) == 0x80
            && (data[i + 2] & 0xC0) == 0x80) {
            i += 3;
            chars++;
            continue;
        }
        Py_ssize_t n;
        unsigned char lo = 0x80, hi = 0xBF; /* the range of the second byte */
        if (b >= 0xC2 && b <= 0xDF) {
            n = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            n = 3;
            if (b == 0xE0) lo = 0xA0;      /* overlong below U+0800 */
            else if (b == 0xED) hi = 0x9F; /* surrogates */
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 4;
            if (b == 0xF0) lo = 0x90;      /* overlong below U+10000 */
            else if (b == 0xF4) hi = 0x8F; /* past U+10FFFF */
        } else {
            return -1; /* a continuation byte, C0/C1 (overlong), or F5-FF */
        }
        if (i + n > length || data[i + 1] < lo || data[i + 1] > hi) {
            return -1;
        }
        for (Py_ssize_t k = 2; k < n; k++) {
            if ((data[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        i += n;
        chars++;
    }
    return chars;
}

/* utf8_length(data): len(data.decode("utf-8")) when that decode succeeds, else -1. */
static PyObject *utf8_length(PyObject *self, PyObject *arg) {
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    Py_ssize_t chars;
    Py_BEGIN_ALLOW_THREADS
    chars = utf8_chars((const unsigned char *)view.buf, view.len);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(chars);
}

#define MAX_WORDS 64
#define STARTS_SIZE 8192 /* one bit per BMP character */

/* words_in(text, words, starts): the words of the tuple `words` that occur in `text`, in
 * the tuple's order: `[w for w in words if w in text]`. `starts` is a bitmap (8192 bytes,
 * bit c set for the first character c of each word; every first character in the BMP).
 * At each position whose character starts some word, the words not found yet that start
 * with it are compared there; the scan ends once every word is found. */
static PyObject *words_in(PyObject *self, PyObject *args) {
    PyObject *text, *words;
    const unsigned char *starts;
    Py_ssize_t starts_len;
    if (!PyArg_ParseTuple(args, "UO!y#", &text, &PyTuple_Type, &words, &starts, &starts_len)) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(words);
    if (starts_len != STARTS_SIZE || n > MAX_WORDS) {
        PyErr_SetString(PyExc_ValueError, "starts must be 8192 bytes and words at most 64");
        return NULL;
    }
    Py_UCS4 first[MAX_WORDS];
    for (Py_ssize_t w = 0; w < n; w++) {
        PyObject *word = PyTuple_GET_ITEM(words, w);
        if (!PyUnicode_Check(word) || PyUnicode_GET_LENGTH(word) == 0) {
            PyErr_SetString(PyExc_TypeError, "words must be non-empty str");
            return NULL;
        }
        first[w] = PyUnicode_READ_CHAR(word, 0);
        if (first[w] >= 0x10000 || !(starts[first[w] >> 3] & (1 << (first[w] & 7)))) {
            PyErr_SetString(PyExc_ValueError, "a word's first character is not in starts");
            return NULL;
        }
    }
    uint64_t all = n == MAX_WORDS ? ~(uint64_t)0 : (((uint64_t)1 << n) - 1), found = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < length && found != all; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c >= 0x10000 || !(starts[c >> 3] & (1 << (c & 7)))) {
            continue;
        }
        for (Py_ssize_t w = 0; w < n; w++) {
            if ((found >> w & 1) || first[w] != c) {
                continue;
            }
            PyObject *word = PyTuple_GET_ITEM(words, w);
            Py_ssize_t wlen = PyUnicode_GET_LENGTH(word);
            if (wlen > length - i) {
                continue;
            }
            int wkind = PyUnicode_KIND(word);
            const void *wdata = PyUnicode_DATA(word);
            Py_ssize_t k = 1;
            while (k < wlen && PyUnicode_READ(kind, data, i + k) == PyUnicode_READ(wkind, wdata, k)) {
                k++;
            }
            if (k == wlen) {
                found |= (uint64_t)1 << w;
            }
        }
    }
    PyObject *out = PyList_New(0);
    for (Py_ssize_t w = 0; out != NULL && w < n; w++) {
        if ((found >> w & 1) && PyList_Append(out, PyTuple_GET_ITEM(words, w)) < 0) {
            Py_CLEAR(out);
        }
    }
    return out;
}

static PyMethodDef methods[] = {
    {"utf8_length", utf8_length, METH_O, "len(data.decode('utf-8')) when the bytes are strictly valid UTF-8, else -1."},
    {"words_in", words_in, METH_VARARGS, "The words of a tuple that occur in a str, in the tuple's order."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_textscan", NULL, -1, methods};

PyMODINIT_FUNC PyInit__textscan(void) {
    return PyModule_Create(&module);
}
