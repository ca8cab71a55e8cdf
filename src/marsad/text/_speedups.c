/* Compiled scans for marsad.text.tokens and marsad.stages.clean (optional: each has the same scan in Python).
 *
 * scan_tokens(text, cache, token_type) splits `text` exactly as text.tokens.TOKEN_RE does and
 * returns a list of `token_type` tuples (start, end) + cache[token text].  `cache` is a dict
 * subclass whose __missing__ computes (kind, key, pieces) for a token text not seen before, so
 * all language knowledge stays in Python; this file only finds where tokens start and end.
 *
 * Why C: building one tuple per token was most of the spine's time in Python, even with the
 * loop pushed into C-level map/zip calls (bench/throughput.py, docs/benchmarks.md).
 *
 * The character classes mirror text/tokens.py (_DIGITS, LETTERS, _MARKS, the latin and punct
 * alternatives); tests/test_segment_tokens.py checks both scans agree on real news text.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int is_digit(Py_UCS4 c) {
    return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

static int is_number_sep(Py_UCS4 c) {
    return c == '.' || c == ',' || c == 0x066B || c == 0x066C;
}

static int is_letter(Py_UCS4 c) {
    return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3) ||
           (c >= 0x06FA && c <= 0x06FF);
}

static int is_mark(Py_UCS4 c) {
    return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
           (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640;
}

static int is_latin(Py_UCS4 c) {
    /* not 0xD7 (×) nor 0xF7 (÷): signs, as in 200×200 */
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7);
}

static int is_latin_inner(Py_UCS4 c) {
    return is_latin(c) || c == '\'' || c == 0x2019 || c == '-';
}

/* End (exclusive) of the token starting at i, which is not whitespace. */
static Py_ssize_t token_end(int kind, const void *data, Py_ssize_t i, Py_ssize_t n) {
    Py_UCS4 c = PyUnicode_READ(kind, data, i);
    Py_ssize_t j = i + 1;
    if (is_digit(c)) {
        /* [D]+ (?:[sep][D]+)* */
        while (j < n && is_digit(PyUnicode_READ(kind, data, j))) j++;
        while (j + 1 < n && is_number_sep(PyUnicode_READ(kind, data, j)) &&
               is_digit(PyUnicode_READ(kind, data, j + 1))) {
            j += 2;
            while (j < n && is_digit(PyUnicode_READ(kind, data, j))) j++;
        }
        return j;
    }
    if (is_letter(c)) {
        while (j < n) {
            Py_UCS4 d = PyUnicode_READ(kind, data, j);
            if (!is_letter(d) && !is_mark(d)) break;
            j++;
        }
        return j;
    }
    if (is_latin(c)) {
        /* A[A'’-]*A | A: the longest run, cut back to its last letter. */
        Py_ssize_t last = i;
        while (j < n) {
            Py_UCS4 d = PyUnicode_READ(kind, data, j);
            if (!is_latin_inner(d)) break;
            if (is_latin(d)) last = j;
            j++;
        }
        return last + 1;
    }
    /* punct and symbol are one character each */
    return j;
}

static PyObject *scan_tokens(PyObject *self, PyObject *args) {
    PyObject *text, *cache, *token_type;
    if (!PyArg_ParseTuple(args, "UO!O!", &text, &PyDict_Type, &cache, &PyType_Type, &token_type)) return NULL;
    PyTypeObject *type = (PyTypeObject *)token_type;
    if (!PyType_IsSubtype(type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "token_type must be a tuple subclass");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *tokens = PyList_New(0);
    if (tokens == NULL) return NULL;
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (Py_UNICODE_ISSPACE(c)) {
            i++;
            continue;
        }
        Py_ssize_t end = token_end(kind, data, i, n);
        PyObject *piece = PyUnicode_Substring(text, i, end);
        if (piece == NULL) goto fail;
        /* dict subscription, so that the cache's __missing__ fills it */
        PyObject *info = PyObject_GetItem(cache, piece);
        Py_DECREF(piece);
        if (info == NULL) goto fail;
        if (!PyTuple_Check(info) || PyTuple_GET_SIZE(info) != 3) {
            Py_DECREF(info);
            PyErr_SetString(PyExc_TypeError, "token info must be a 3-tuple");
            goto fail;
        }
        PyObject *token = type->tp_alloc(type, 5);
        if (token == NULL) {
            Py_DECREF(info);
            goto fail;
        }
        PyObject *start_obj = PyLong_FromSsize_t(i);
        PyObject *end_obj = PyLong_FromSsize_t(end);
        if (start_obj == NULL || end_obj == NULL) {
            Py_XDECREF(start_obj);
            Py_XDECREF(end_obj);
            Py_DECREF(info);
            Py_DECREF(token);
            goto fail;
        }
        PyTuple_SET_ITEM(token, 0, start_obj);
        PyTuple_SET_ITEM(token, 1, end_obj);
        for (Py_ssize_t k = 0; k < 3; k++) {
            PyObject *item = PyTuple_GET_ITEM(info, k);
            Py_INCREF(item);
            PyTuple_SET_ITEM(token, k + 2, item);
        }
        Py_DECREF(info);
        /* A token holds two ints, two strings and a tuple of (int, int, str) tuples: it can be
         * part of no reference cycle, so the cyclic collector need never walk it (CPython
         * untracks such tuples itself, but only once a collection has walked them). */
        PyObject_GC_UnTrack(token);
        int err = PyList_Append(tokens, token);
        Py_DECREF(token);
        if (err < 0) goto fail;
        i = end;
    }
    return tokens;
fail:
    Py_DECREF(tokens);
    return NULL;
}

/* clean.py's _ARABIC_WORD ([\u0621-\u063a\u0641-\u064a]{min_len,}) as findall gives it: each
 * maximal run of these letters that is at least min_len long.  The glued-word check of every
 * article reads them; the regex engine scanned them at a fifth of the cleaning time. */
static int is_glue_letter(Py_UCS4 c) { return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A); }

static PyObject *long_words(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t min_len;
    if (!PyArg_ParseTuple(args, "Un", &text, &min_len)) return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *words = PyList_New(0);
    if (words == NULL) return NULL;
    Py_ssize_t i = 0;
    while (i < n) {
        if (!is_glue_letter(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t j = i + 1;
        while (j < n && is_glue_letter(PyUnicode_READ(kind, data, j))) j++;
        if (j - i >= min_len) {
            PyObject *word = PyUnicode_Substring(text, i, j);
            if (word == NULL || PyList_Append(words, word) < 0) {
                Py_XDECREF(word);
                Py_DECREF(words);
                return NULL;
            }
            Py_DECREF(word);
        }
        i = j;
    }
    return words;
}

static PyMethodDef methods[] = {
    {"long_words", long_words, METH_VARARGS,
     "long_words(text, min_len) -> maximal runs of Arabic letters (U+0621-063A, U+0641-064A) of min_len or more."},
    {"scan_tokens", scan_tokens, METH_VARARGS,
     "scan_tokens(text, cache, token_type) -> list of token_type: (start, end) + cache[token text]."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_speedups", "Compiled tokeniser for marsad.text (segment stage).", -1,
                                    methods};

PyMODINIT_FUNC PyInit__speedups(void) { return PyModule_Create(&module); }
