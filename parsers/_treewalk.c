/* parsers._treewalk: walks in C over selectolax's lexbor tree, for `parsers/tree_walks.py`.
 *
 * Why: on real pages most of the parser's time went to selector passes (`node.css(...)`):
 * lexbor's selector engine matches every node of the subtree against a compiled selector
 * list and selectolax wraps each match in a Python object, and the layers make some twenty
 * such passes a page. Nearly all of them are lists of tag names with at most one class or
 * attribute test, which a walk that looks each element's tag id up in a 256-entry table
 * answers in microseconds (`select`). The passes that then read every match's text are
 * done in the same walk, without a Python object per element: what the body scorer needs
 * of each paragraph and box (`scoring_inputs`), the listing check's link groups
 * (`link_groups`), the body's block text (`block_text`).
 *
 * It reads lexbor's structs directly (node, element, attribute, character data, document
 * head: the layout of lexbor 3.1 as the pinned selectolax 1.0.2 vendors it) and builds
 * selectolax `LexborNode` objects the way selectolax does (`LexborNode.__new__`, then its
 * node pointer and parser). Where a LexborNode keeps those two is not assumed: `calibrate()`
 * finds them on a live node at import, and `parsers.tree_walks` then checks on a probe page
 * that the walk finds what selectolax finds; if anything fails, or this module is missing,
 * the parser runs its selectolax code instead, with the same answers, slower.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct lxb_node lxb_node;
struct lxb_node {          /* lexbor/dom/interfaces/node.h, struct lxb_dom_node */
    void *events;          /* lxb_dom_event_target_t */
    uintptr_t local_name;  /* the tag id for elements */
    uintptr_t prefix;
    uintptr_t ns;
    void *owner_document;
    lxb_node *next;
    lxb_node *prev;
    lxb_node *parent;
    lxb_node *first_child;
    lxb_node *last_child;
    void *user;
    int type;              /* lxb_dom_node_type_t */
};

typedef struct {           /* lexbor/core/str.h, lexbor_str_t */
    unsigned char *data;
    size_t length;
} lxb_str;

typedef struct {           /* lexbor/dom/interfaces/character_data.h (text and comment nodes) */
    lxb_node node;
    lxb_str data;
} lxb_character_data;

typedef struct lxb_attr lxb_attr;
struct lxb_attr {          /* lexbor/dom/interfaces/attr.h, struct lxb_dom_attr */
    lxb_node node;         /* node.local_name: the attribute's (lowercase) name id */
    uintptr_t upper_name;
    uintptr_t qualified_name;
    lxb_str *value;
    void *owner;
    lxb_attr *next;
    lxb_attr *prev;
};

typedef struct {           /* lexbor/dom/interfaces/element.h, struct lxb_dom_element (head) */
    lxb_node node;
    uintptr_t upper_name;
    uintptr_t qualified_name;
    lxb_str *is_value;
    lxb_attr *first_attr;
} lxb_element;

#define NODE_ELEMENT 0x01
#define NODE_TEXT 0x03
#define TAG_TEXT 0x0002    /* LXB_TAG__TEXT */
#define TAG_COMMENT 0x0004 /* LXB_TAG__EM_COMMENT */
#define MASK_SIZE 256      /* known tag ids end at 0xc7; custom tags get larger ids and never match */

static PyTypeObject *node_type = NULL;
static Py_ssize_t node_offset = -1;   /* of `lxb_dom_node_t *node` in a LexborNode */
static Py_ssize_t parser_offset = -1; /* of `LexborHTMLParser parser` */
static PyObject *empty_args = NULL;

static lxb_node *node_of(PyObject *obj) {
    return *(lxb_node **)((char *)obj + node_offset);
}

static PyObject *parser_of(PyObject *obj) {
    return *(PyObject **)((char *)obj + parser_offset);
}

/* A LexborNode for `node`, as selectolax's LexborNode.new() makes one. */
static PyObject *wrap(lxb_node *node, PyObject *parser) {
    PyObject *obj = node_type->tp_new(node_type, empty_args, NULL);
    if (obj == NULL) {
        return NULL;
    }
    *(lxb_node **)((char *)obj + node_offset) = node;
    PyObject **slot = (PyObject **)((char *)obj + parser_offset);
    PyObject *old = *slot;
    Py_INCREF(parser);
    *slot = parser;
    Py_XDECREF(old);
    return obj;
}

/* The node after `node` in document order within `root`'s subtree, NULL past its end. */
static const lxb_node *next_node(const lxb_node *node, const lxb_node *root) {
    if (node->first_child != NULL) {
        return node->first_child;
    }
    while (node != root && node->next == NULL) {
        node = node->parent;
    }
    return node == root ? NULL : node->next;
}

/* Appends a LexborNode for `node` to `list`; -1 on error. */
static int append_node(PyObject *list, const lxb_node *node, PyObject *parser) {
    PyObject *item = wrap((lxb_node *)node, parser);
    if (item == NULL) {
        return -1;
    }
    int failed = PyList_Append(list, item);
    Py_DECREF(item);
    return failed;
}

/* calibrate(node, address, parser): find where `node` keeps its lexbor pointer (equal to
 * `address`, its mem_id) and its parser. Returns True when both were found exactly once. */
static PyObject *calibrate(PyObject *self, PyObject *args) {
    PyObject *sample, *parser;
    unsigned long long address;
    if (!PyArg_ParseTuple(args, "OKO", &sample, &address, &parser)) {
        return NULL;
    }
    PyTypeObject *tp = Py_TYPE(sample);
    Py_ssize_t found_node = -1, found_parser = -1;
    int node_hits = 0, parser_hits = 0;
    for (Py_ssize_t off = sizeof(PyObject); off + (Py_ssize_t)sizeof(void *) <= tp->tp_basicsize;
         off += sizeof(void *)) {
        void *word = *(void **)((char *)sample + off);
        if ((unsigned long long)(uintptr_t)word == address) {
            found_node = off;
            node_hits++;
        }
        if (word == (void *)parser) {
            found_parser = off;
            parser_hits++;
        }
    }
    if (node_hits != 1 || parser_hits != 1) {
        Py_RETURN_FALSE;
    }
    Py_XINCREF(tp);
    Py_XDECREF(node_type);
    node_type = tp;
    node_offset = found_node;
    parser_offset = found_parser;
    Py_RETURN_TRUE;
}

static int read_mask(PyObject *obj, const unsigned char **mask) {
    if (!PyBytes_Check(obj) || PyBytes_GET_SIZE(obj) != MASK_SIZE) {
        PyErr_SetString(PyExc_TypeError, "mask must be bytes of length 256");
        return -1;
    }
    *mask = (const unsigned char *)PyBytes_AS_STRING(obj);
    return 0;
}

static int ready(PyObject *obj) {
    if (node_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "parsers._treewalk is not calibrated");
        return -1;
    }
    if (Py_TYPE(obj) != node_type) {
        PyErr_SetString(PyExc_TypeError, "expected a selectolax LexborNode");
        return -1;
    }
    if (node_of(obj) == NULL) {
        PyErr_SetString(PyExc_ValueError, "the LexborNode holds no node");
        return -1;
    }
    return 0;
}

/* What an element must be to be selected: a tag in the mask, or one of the rules. */
enum { RULE_HAS, RULE_CONTAINS, RULE_PREFIX, RULE_TOKEN, RULE_EQUALS, RULE_TEXT };
#define MAX_RULES 32

typedef struct {
    uintptr_t tag;   /* 0: any tag */
    uintptr_t attr;  /* attribute name id */
    int mode;        /* RULE_*: [attr], [attr*=v], [attr^=v], .v (class word), #v (whole value),
                      * :lexbor-contains("v") (a text child holds v; `attr` unused) */
    const char *needle;
    size_t length;
} rule_t;

typedef struct {
    const unsigned char *mask; /* per tag id: WANT | WANT_NONEMPTY */
    rule_t rules[MAX_RULES];
    Py_ssize_t n_rules;
} want_t;

#define WANT 1
#define WANT_NONEMPTY 2  /* only when not :empty (some child is not a comment) */

typedef struct {           /* lexbor/dom/interfaces/document.h, struct lxb_dom_document (head) */
    lxb_node node;
    int compat_mode;       /* LXB_DOM_DOCUMENT_CMODE_QUIRKS = 1 */
} lxb_document;

static const lxb_attr *attribute(const lxb_node *node, uintptr_t name) {
    for (const lxb_attr *a = ((const lxb_element *)node)->first_attr; a != NULL; a = a->next) {
        if (a->node.local_name == name) {
            return a;
        }
    }
    return NULL;
}

static int same(const unsigned char *a, const char *b, size_t n, int fold) {
    if (!fold) {
        return memcmp(a, b, n) == 0;
    }
    for (size_t i = 0; i < n; i++) { /* ASCII case folding, as lexbor's ncasecmp */
        unsigned char x = a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z') x += 32;
        if (y >= 'A' && y <= 'Z') y += 32;
        if (x != y) {
            return 0;
        }
    }
    return 1;
}

static int is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* As lexbor's selectors: class words and ids compare without case in quirks mode; other
 * attribute values (style, href, title, type as used here) always with case. */
static int rule_matches(const lxb_node *node, const rule_t *rule) {
    if (rule->tag != 0 && node->local_name != rule->tag) {
        return 0;
    }
    const lxb_attr *a = attribute(node, rule->attr);
    if (a == NULL) {
        return 0;
    }
    if (rule->mode == RULE_HAS) {
        return 1;
    }
    if (a->value == NULL || a->value->data == NULL) {
        return 0;
    }
    const unsigned char *data = a->value->data;
    size_t length = a->value->length;
    const lxb_document *doc = (const lxb_document *)node->owner_document;
    int fold = doc != NULL && doc->compat_mode == 1;
    switch (rule->mode) {
        case RULE_CONTAINS:
            return rule->length > 0 && memmem(data, length, rule->needle, rule->length) != NULL;
        case RULE_PREFIX:
            return rule->length > 0 && length >= rule->length && memcmp(data, rule->needle, rule->length) == 0;
        case RULE_EQUALS:
            return length == rule->length && same(data, rule->needle, length, fold);
        case RULE_TOKEN: {
            size_t i = 0;
            while (i < length) {
                while (i < length && is_space(data[i])) i++;
                size_t from = i;
                while (i < length && !is_space(data[i])) i++;
                if (i - from == rule->length && rule->length > 0 && same(data + from, rule->needle, rule->length, fold)) {
                    return 1;
                }
            }
            return 0;
        }
    }
    return 0;
}

/* lexbor's :lexbor-contains test: one text child holds the needle. */
static int text_holds(const lxb_node *node, const rule_t *rule) {
    for (const lxb_node *child = node->first_child; child != NULL; child = child->next) {
        const lxb_str *str = &((const lxb_character_data *)child)->data;
        if (child->type == NODE_TEXT && str->data != NULL && rule->length <= str->length
            && memmem(str->data, str->length, rule->needle, rule->length) != NULL) {
            return 1;
        }
    }
    return 0;
}

/* How many of the mask and the rules want `node` (0 or 1 unless `all`: then each rule
 * that matches counts, as lexbor returns an element once per selector of a comma list). */
static int matches(const lxb_node *node, const want_t *want, int all) {
    if (node->type != NODE_ELEMENT) {
        return 0;
    }
    int count = 0;
    unsigned char bits = node->local_name < MASK_SIZE ? want->mask[node->local_name] : 0;
    if (bits & WANT) {
        count = 1;
    } else if (bits & WANT_NONEMPTY) {
        for (const lxb_node *child = node->first_child; child != NULL && !count; child = child->next) {
            count = child->local_name != TAG_COMMENT;
        }
    }
    int has_attrs = ((const lxb_element *)node)->first_attr != NULL;
    for (Py_ssize_t i = 0; i < want->n_rules && (all || !count); i++) {
        const rule_t *rule = &want->rules[i];
        if (rule->mode == RULE_TEXT ? (rule->tag == 0 || rule->tag == node->local_name) && text_holds(node, rule)
                                    : has_attrs && rule_matches(node, rule)) {
            count++;
        }
    }
    return count;
}

/* rules: a tuple of (tag id or 0, attribute id, mode, needle bytes). */
static int read_rules(PyObject *rules, want_t *want) {
    want->n_rules = 0;
    if (rules == Py_None) {
        return 0;
    }
    if (!PyTuple_Check(rules) || PyTuple_GET_SIZE(rules) > MAX_RULES) {
        PyErr_SetString(PyExc_TypeError, "rules must be a tuple of at most 32 rules");
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(rules); i++) {
        unsigned long long tag, attr;
        int mode;
        const char *needle;
        Py_ssize_t length;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(rules, i), "KKiy#", &tag, &attr, &mode, &needle, &length)) {
            return -1;
        }
        if (mode < RULE_HAS || mode > RULE_TEXT) {
            PyErr_SetString(PyExc_ValueError, "unknown rule mode");
            return -1;
        }
        want->rules[i] = (rule_t){(uintptr_t)tag, (uintptr_t)attr, mode, needle, (size_t)length};
    }
    want->n_rules = PyTuple_GET_SIZE(rules);
    return 0;
}

/* select(node, mask, limit=0, rules=None, skip_root=False, per_rule=False): the elements
 * of `node`'s subtree (itself included unless `skip_root`) that the mask or a rule wants,
 * in document order, each once (with `per_rule`, once per rule it matches); at most
 * `limit` of them when limit > 0. For a list of simple selectors (`t1, t2`,
 * `t3:not(:empty)`, `t4[attr]`, `[attr*="x"]`, `.word`, `t5#id`, `:lexbor-contains("x")`)
 * this is what `node.css()` returns. */
static PyObject *select_tags(PyObject *self, PyObject *args) {
    PyObject *start, *mask_obj, *rules = Py_None;
    Py_ssize_t limit = 0;
    int skip_root = 0, per_rule = 0;
    want_t want;
    if (!PyArg_ParseTuple(args, "OO|nOpp", &start, &mask_obj, &limit, &rules, &skip_root, &per_rule)) {
        return NULL;
    }
    if (ready(start) < 0 || read_mask(mask_obj, &want.mask) < 0 || read_rules(rules, &want) < 0) {
        return NULL;
    }
    PyObject *parser = parser_of(start);
    PyObject *found = PyList_New(0);
    if (found == NULL) {
        return NULL;
    }
    const lxb_node *root = node_of(start);
    const lxb_node *node = root;
    while (node != NULL) {
        int wanted = node == root && skip_root ? 0 : matches(node, &want, per_rule);
        for (int k = 0; k < wanted; k++) {
            if (append_node(found, node, parser) < 0) {
                Py_DECREF(found);
                return NULL;
            }
        }
        if (wanted && limit > 0 && PyList_GET_SIZE(found) >= limit) {
            break;
        }
        node = next_node(node, root);
    }
    return found;
}

/* deeper_than(node, depth): True when some element below `node` sits more than `depth`
 * elements deep, counting `node` as 1 (the nesting guard, without a 150-compound selector). */
static PyObject *deeper_than(PyObject *self, PyObject *args) {
    PyObject *start;
    Py_ssize_t limit;
    if (!PyArg_ParseTuple(args, "On", &start, &limit)) {
        return NULL;
    }
    if (ready(start) < 0) {
        return NULL;
    }
    lxb_node *root = node_of(start);
    lxb_node *node = root;
    Py_ssize_t depth = 1; /* elements from root to node, both counted */
    while (node != NULL) {
        if (node->type == NODE_ELEMENT && depth > limit) {
            Py_RETURN_TRUE;
        }
        if (node->first_child != NULL) {
            node = node->first_child;
            depth++;
            continue;
        }
        while (node != root && node->next == NULL) {
            node = node->parent;
            depth--;
        }
        if (node == root) {
            break;
        }
        node = node->next;
    }
    Py_RETURN_FALSE;
}

typedef struct {
    char *data;
    size_t length, size;
} buffer_t;

static int append(buffer_t *buf, const unsigned char *data, size_t length) {
    if (buf->length + length > buf->size) {
        size_t size = buf->size ? buf->size : 256;
        while (size < buf->length + length) {
            size *= 2;
        }
        char *grown = PyMem_Realloc(buf->data, size);
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        buf->data = grown;
        buf->size = size;
    }
    memcpy(buf->data + buf->length, data, length);
    buf->length += length;
    return 0;
}

/* Puts into `buf` the text of `root` as selectolax's `text()` joins it: its descendant
 * text nodes when `deep`, else its text children (`text(deep=False)`). Each test as
 * selectolax's: a tag id of text when deep, a node type of text otherwise. */
static int text_of(const lxb_node *root, int deep, buffer_t *buf) {
    buf->length = 0;
    if (!deep) {
        for (const lxb_node *child = root->first_child; child != NULL; child = child->next) {
            const lxb_str *str = &((const lxb_character_data *)child)->data;
            if (child->type == NODE_TEXT && str->data != NULL && append(buf, str->data, str->length) < 0) {
                return -1;
            }
        }
        return 0;
    }
    for (const lxb_node *node = root->first_child; node != NULL; node = next_node(node, root)) {
        const lxb_str *str = &((const lxb_character_data *)node)->data;
        if (node->local_name == TAG_TEXT && str->data != NULL && append(buf, str->data, str->length) < 0) {
            return -1;
        }
    }
    return 0;
}

/* The key the scorer credits: the node's address, 0 for none and for <html>. */
static unsigned long long credit_key(const lxb_node *node, uintptr_t html) {
    return node == NULL || node->local_name == html ? 0 : (unsigned long long)(uintptr_t)node;
}

/* What the scorer wants of a text: the length of `text.clean_inline(text)` (zero-width
 * U+200B/U+FEFF dropped, runs of what `str.split()` calls whitespace made one space,
 * ends trimmed) and how many of its characters are sentence punctuation (`_PUNCT`). */
typedef struct {
    Py_ssize_t length, punct;
    int in_word;
} measure_t;

/* str.isspace() (Py_UNICODE_ISSPACE), answered inline for the characters these pages are
 * made of: ASCII, and everything past U+3000, the last space Unicode has (CJK text). */
static inline int py_space(Py_UCS4 c) {
    if (c < 128) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    }
    return c <= 0x3000 && Py_UNICODE_ISSPACE(c);
}

static void measure_char(measure_t *m, Py_UCS4 c) {
    if (c == 0x200B || c == 0xFEFF) {
        return;
    }
    if (py_space(c)) {
        m->in_word = 0;
        return;
    }
    if (!m->in_word && m->length > 0) {
        m->length++; /* the one space between words */
    }
    m->in_word = 1;
    m->length++;
    switch (c) {
        case 0xFF0C: case 0x3002: case 0xFF1B: case 0x3001: case 0xFF01: case 0xFF1F:
        case ',': case '.': case ';': case '!': case '?':
            m->punct++;
    }
}

/* The code point at data[*i], *i moved past it; -1 unless it is valid UTF-8 as CPython's
 * strict decoder has it: no overlong forms, surrogates or code points past U+10FFFF. */
static inline int utf8_next(const unsigned char *data, size_t length, size_t *i, Py_UCS4 *out) {
    unsigned char b = data[*i];
    if (b < 0x80) {
        *out = b;
        *i += 1;
        return 0;
    }
    /* Three bytes led by E1-EC or EE-EF (U+1000-U+FFFF but the surrogates' ED block, so
     * CJK text and full-width punctuation): no overlong form or surrogate to rule out. */
    if (b >= 0xE1 && b != 0xED && b <= 0xEF && *i + 2 < length && (data[*i + 1] & 0xC0) == 0x80
        && (data[*i + 2] & 0xC0) == 0x80) {
        *out = ((Py_UCS4)(b & 0x0F) << 12) | ((Py_UCS4)(data[*i + 1] & 0x3F) << 6) | (data[*i + 2] & 0x3F);
        *i += 3;
        return 0;
    }
    Py_UCS4 c;
    size_t n;
    if (b < 0x80) c = b, n = 1;
    else if (b >= 0xC2 && b <= 0xDF) c = b & 0x1F, n = 2;
    else if (b >= 0xE0 && b <= 0xEF) c = b & 0x0F, n = 3;
    else if (b >= 0xF0 && b <= 0xF4) c = b & 0x07, n = 4;
    else return -1;
    if (*i + n > length) return -1;
    for (size_t k = 1; k < n; k++) {
        if ((data[*i + k] & 0xC0) != 0x80) return -1;
        c = (c << 6) | (data[*i + k] & 0x3F);
    }
    if ((n == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) || (n == 4 && (c < 0x10000 || c > 0x10FFFF))) return -1;
    *i += n;
    *out = c;
    return 0;
}

/* Feeds `visit` each character of UTF-8 `data` as selectolax decodes it (invalid bytes as
 * U+FFFD, PyUnicode_DecodeUTF8 with "replace"), until it returns nonzero. Valid UTF-8 is
 * read in place; otherwise `restart` clears what `visit` gathered and the decoded text is
 * fed from its start. Returns the last `visit` result, -1 on a Python error. */
typedef int (*visit_fn)(void *state, Py_UCS4 c);

static inline __attribute__((always_inline)) int each_char(const char *data, size_t length, visit_fn visit, void (*restart)(void *), void *state) {
    size_t i = 0;
    Py_UCS4 c;
    int stop = 0;
    while (i < length && !stop) {
        if (utf8_next((const unsigned char *)data, length, &i, &c) < 0) {
            break;
        }
        stop = visit(state, c);
    }
    if (stop || i >= length) {
        return stop;
    }
    restart(state);
    PyObject *text = PyUnicode_DecodeUTF8(data, length, "replace");
    if (text == NULL) {
        return -1;
    }
    int kind = PyUnicode_KIND(text);
    const void *chars = PyUnicode_DATA(text);
    for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(text) && !stop; k++) {
        stop = visit(state, PyUnicode_READ(kind, chars, k));
    }
    Py_DECREF(text);
    return stop;
}

static int measure_visit(void *state, Py_UCS4 c) {
    measure_char((measure_t *)state, c);
    return 0;
}

static void measure_restart(void *state) {
    measure_t *m = state;
    m->length = m->punct = 0;
    m->in_word = 0;
}

static int measure(measure_t *m, const char *data, size_t length) {
    measure_restart(m);
    return each_char(data, length, measure_visit, measure_restart, m) < 0 ? -1 : 0;
}

/* What the body scorer reads of one paragraph or box (`scoring_inputs`' tuples). */
typedef struct {
    Py_ssize_t length, punct;
    unsigned long long key, parent; /* a paragraph: its parent and grandparent */
    int paragraph, has_br;
} scored_t;

/* The scorer's walk of `root`'s subtree: each paragraph and non-empty box whose cleaned
 * text (a paragraph's whole text, a box's own) holds at least `min_chars` characters, in
 * page order, into `*out` (`*n` of them). 0, or -1 with an exception set. */
static int scored_walk(const lxb_node *root, const unsigned char *para_mask, const unsigned char *box_mask,
                       uintptr_t br, uintptr_t html, Py_ssize_t min_chars, scored_t **out, size_t *n) {
    buffer_t buf = {NULL, 0, 0};
    measure_t m;
    size_t size = 0;
    *out = NULL;
    *n = 0;
    for (const lxb_node *node = root; node != NULL; node = next_node(node, root)) {
        uintptr_t tag = node->local_name;
        if (node->type != NODE_ELEMENT || tag >= MASK_SIZE || !(para_mask[tag] || box_mask[tag])) {
            continue;
        }
        int paragraph = para_mask[tag] != 0;
        int has_br = 0, nonempty = 0;
        if (!paragraph) {
            for (const lxb_node *child = node->first_child; child != NULL; child = child->next) {
                nonempty |= child->local_name != TAG_COMMENT;
                has_br |= child->type == NODE_ELEMENT && child->local_name == br;
            }
        }
        if (!(paragraph || nonempty)) {
            continue;
        }
        /* (cleaning keeps at most as many characters as there are bytes: a text of fewer
         * bytes than `min_chars` is left out unmeasured) */
        if (text_of(node, paragraph, &buf) < 0 || ((Py_ssize_t)buf.length >= min_chars && measure(&m, buf.data, buf.length) < 0)) {
            goto fail;
        }
        if ((Py_ssize_t)buf.length < min_chars || m.length < min_chars) {
            continue;
        }
        if (*n == size) {
            size = size ? 2 * size : 64;
            scored_t *grown = PyMem_Realloc(*out, size * sizeof(scored_t));
            if (grown == NULL) {
                PyErr_NoMemory();
                goto fail;
            }
            *out = grown;
        }
        const lxb_node *parent = node->parent;
        (*out)[(*n)++] = paragraph
            ? (scored_t){m.length, m.punct, credit_key(parent, html), credit_key(parent ? parent->parent : NULL, html), 1, 0}
            : (scored_t){m.length, m.punct, credit_key(node, html), credit_key(parent, html), 0, has_br};
    }
    PyMem_Free(buf.data);
    return 0;
fail:
    PyMem_Free(buf.data);
    PyMem_Free(*out);
    *out = NULL;
    return -1;
}

/* The arguments both scorer entry points take, walked: `scored_walk`'s items. */
static int scored_items(PyObject *args, scored_t **items, size_t *n) {
    PyObject *start, *para_obj, *box_obj;
    const unsigned char *para_mask, *box_mask;
    unsigned long long br, html;
    Py_ssize_t min_chars;
    if (!PyArg_ParseTuple(args, "OOOKKn", &start, &para_obj, &box_obj, &br, &html, &min_chars)) {
        return -1;
    }
    if (ready(start) < 0 || read_mask(para_obj, &para_mask) < 0 || read_mask(box_obj, &box_mask) < 0) {
        return -1;
    }
    return scored_walk(node_of(start), para_mask, box_mask, br, html, min_chars, items, n);
}

/* scoring_inputs(root, paragraphs, boxes, br, html, min_chars): what `content.find_main`
 * reads of every paragraph and box under `root` (itself included), in page order, in one
 * walk: ([(length, punct, parent_key, grandparent_key)], [(length, punct, key,
 * parent_key, has_br)]), where length and punct measure the cleaned text (`measure_t`):
 * a paragraph's whole text, a box's own text (its text children). `paragraphs` / `boxes`
 * are tag masks (boxes only when not :empty); texts cleaned to fewer than `min_chars`
 * characters are left out. Keys are node addresses (`mem_id`), 0 for none or <html>;
 * `at()` turns one back into a node. */
static PyObject *scoring_inputs(PyObject *self, PyObject *args) {
    scored_t *items;
    size_t n;
    if (scored_items(args, &items, &n) < 0) {
        return NULL;
    }
    PyObject *paragraphs = PyList_New(0), *boxes = PyList_New(0);
    for (size_t i = 0; paragraphs != NULL && boxes != NULL && i < n; i++) {
        const scored_t *it = &items[i];
        PyObject *item = it->paragraph ? Py_BuildValue("(nnKK)", it->length, it->punct, it->key, it->parent)
                                       : Py_BuildValue("(nnKKO)", it->length, it->punct, it->key, it->parent,
                                                       it->has_br ? Py_True : Py_False);
        if (item == NULL || PyList_Append(it->paragraph ? paragraphs : boxes, item) < 0) {
            Py_CLEAR(paragraphs);
        }
        Py_XDECREF(item);
    }
    PyMem_Free(items);
    if (paragraphs == NULL || boxes == NULL) {
        Py_XDECREF(paragraphs);
        Py_XDECREF(boxes);
        return NULL;
    }
    return Py_BuildValue("(NN)", paragraphs, boxes);
}

/* scores(root, paragraphs, boxes, br, html, min_chars): `content._scores_in_c` of what
 * `scoring_inputs` reads, credited here: [[key, score]] in the order the keys were first
 * credited. Each paragraph (all of them first, in page order) credits its parent its
 * amount and its grandparent half; then each box itself its amount (x 1.2 with a <br>
 * child) and its parent half. An amount is 1 + punct + min(length / 40, 5): the same
 * double operations in the same order as the Python, so the same scores to the bit.
 * Key 0 (no node, or <html>) is never credited. */
typedef struct {
    unsigned long long key;
    double score;
} credit_t;

static void credit(credit_t *entries, size_t *used, size_t *slots, size_t mask, unsigned long long key, double amount) {
    if (key == 0) {
        return;
    }
    size_t h = (size_t)((key >> 4) * 0x9E3779B97F4A7C15ULL) & mask;
    while (slots[h] != 0 && entries[slots[h] - 1].key != key) {
        h = (h + 1) & mask;
    }
    if (slots[h] == 0) {
        entries[*used] = (credit_t){key, 0.0};
        slots[h] = ++*used;
    }
    entries[slots[h] - 1].score += amount;
}

static PyObject *scores(PyObject *self, PyObject *args) {
    scored_t *items;
    size_t n;
    if (scored_items(args, &items, &n) < 0) {
        return NULL;
    }
    size_t capacity = 16;
    while (capacity < 4 * n) {
        capacity *= 2;
    }
    credit_t *entries = PyMem_Malloc((2 * n + 1) * sizeof(credit_t));
    size_t *slots = PyMem_Calloc(capacity, sizeof(size_t)); /* 1 + entry index; 0: empty */
    PyObject *out = NULL;
    if (entries == NULL || slots == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    size_t used = 0;
    for (int pass = 1; pass >= 0; pass--) { /* paragraphs, then boxes */
        for (size_t i = 0; i < n; i++) {
            const scored_t *it = &items[i];
            if (it->paragraph != pass) {
                continue;
            }
            double amount = (double)(1 + it->punct) + fmin((double)it->length / 40, 5.0);
            if (!pass && it->has_br) {
                amount *= 1.2;
            }
            credit(entries, &used, slots, capacity - 1, it->key, amount);
            credit(entries, &used, slots, capacity - 1, it->parent, amount / 2);
        }
    }
    out = PyList_New((Py_ssize_t)used);
    for (size_t i = 0; out != NULL && i < used; i++) {
        PyObject *entry = Py_BuildValue("[Kd]", entries[i].key, entries[i].score);
        if (entry == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, (Py_ssize_t)i, entry);
    }
done:
    PyMem_Free(items);
    PyMem_Free(entries);
    PyMem_Free(slots);
    return out;
}

/* link_groups(body, items, a, href, min_links): the `<a href>` of `body`'s subtree grouped
 * by their block, for `listing_page.listing_signal`: {block_key: [(position, link_key,
 * item_key)]}, blocks in the order their first link comes, only blocks of at least
 * `min_links` links. A link's item is its nearest ancestor whose tag the `items` mask
 * holds, the block that item's parent; `position` counts every `<a href>`, grouped or
 * not. Keys are node addresses (`at()` makes nodes of them). */
typedef struct {
    uintptr_t block, link, item;
    Py_ssize_t position;
    int keep;
} link_t;

typedef struct {
    uintptr_t block;
    size_t index; /* into the links, which are in document order */
} order_t;

static int by_block(const void *x, const void *y) {
    const order_t *a = x, *b = y;
    if (a->block != b->block) {
        return a->block < b->block ? -1 : 1;
    }
    return a->index < b->index ? -1 : a->index > b->index;
}

static int text_prints_date(const lxb_node *text); /* (with the date window, below) */

static int by_address(const void *x, const void *y) {
    uintptr_t a = *(const uintptr_t *)x, b = *(const uintptr_t *)y;
    return a < b ? -1 : a > b;
}

/* Clears `keep` on the links of blocks whose text prints no listing date (`prints_date`
 * of the block). A date sits inside one text node (the text's separator, a space, breaks
 * the pattern), so one walk over `body`'s text nodes finds the few that print one, and
 * each marks the kept blocks among its ancestors; `blocks` (`n_blocks`, sorted) are those.
 * 0, or -1 with an exception set. */
static int keep_dated(const lxb_node *body, link_t *links, size_t n, const uintptr_t *blocks, size_t n_blocks) {
    unsigned char *dated = PyMem_Calloc(n_blocks ? n_blocks : 1, 1);
    if (dated == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (const lxb_node *node = body->first_child; node != NULL; node = next_node(node, body)) {
        int found = text_prints_date(node);
        if (found < 0) {
            PyMem_Free(dated);
            return -1;
        }
        for (const lxb_node *up = found ? node->parent : NULL; up != NULL; up = up == body ? NULL : up->parent) {
            uintptr_t key = (uintptr_t)up;
            const uintptr_t *at = bsearch(&key, blocks, n_blocks, sizeof(uintptr_t), by_address);
            if (at != NULL) {
                dated[at - blocks] = 1;
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (links[i].keep) {
            const uintptr_t *at = bsearch(&links[i].block, blocks, n_blocks, sizeof(uintptr_t), by_address);
            links[i].keep = at != NULL && dated[at - blocks];
        }
    }
    PyMem_Free(dated);
    return 0;
}

static PyObject *grouped(const lxb_node *body, link_t *links, size_t n, Py_ssize_t min_links, int dated_only) {
    order_t *order = PyMem_Malloc((n ? n : 1) * sizeof(order_t));
    if (order == NULL) {
        return PyErr_NoMemory();
    }
    for (size_t i = 0; i < n; i++) {
        order[i] = (order_t){links[i].block, i};
    }
    qsort(order, n, sizeof(order_t), by_block);
    for (size_t i = 0; i < n;) { /* runs of one block: kept when long enough */
        size_t j = i;
        while (j < n && order[j].block == order[i].block) {
            j++;
        }
        for (size_t k = i; k < j; k++) {
            links[order[k].index].keep = (Py_ssize_t)(j - i) >= min_links;
        }
        i = j;
    }
    if (dated_only) { /* the kept blocks, each once, in address order (as `order` has them) */
        size_t n_blocks = 0;
        uintptr_t *blocks = PyMem_Malloc((n ? n : 1) * sizeof(uintptr_t));
        for (size_t i = 0; blocks != NULL && i < n; i++) {
            uintptr_t block = order[i].block;
            if (links[order[i].index].keep && (n_blocks == 0 || blocks[n_blocks - 1] != block)) {
                blocks[n_blocks++] = block;
            }
        }
        int failed = blocks == NULL ? (PyErr_NoMemory(), -1) : keep_dated(body, links, n, blocks, n_blocks);
        PyMem_Free(blocks);
        if (failed < 0) {
            PyMem_Free(order);
            return NULL;
        }
    }
    PyMem_Free(order);
    PyObject *groups = PyDict_New();
    for (size_t i = 0; groups != NULL && i < n; i++) {
        if (!links[i].keep) {
            continue;
        }
        PyObject *key = PyLong_FromUnsignedLongLong((unsigned long long)links[i].block);
        PyObject *entry = Py_BuildValue("(nKK)", links[i].position, (unsigned long long)links[i].link,
                                        (unsigned long long)links[i].item);
        PyObject *list = key != NULL ? PyDict_GetItemWithError(groups, key) : NULL;
        int failed = key == NULL || entry == NULL || PyErr_Occurred() != NULL;
        if (!failed && list == NULL) {
            list = PyList_New(0);
            failed = list == NULL || PyDict_SetItem(groups, key, list) < 0;
            Py_XDECREF(list); /* the dict holds it */
        }
        failed = failed || PyList_Append(list, entry) < 0;
        Py_XDECREF(key);
        Py_XDECREF(entry);
        if (failed) {
            Py_CLEAR(groups);
        }
    }
    return groups;
}

static PyObject *link_groups(PyObject *self, PyObject *args) {
    PyObject *start, *items_obj;
    unsigned long long a_tag, href;
    Py_ssize_t min_links;
    const unsigned char *items;
    int dated_only = 0;
    if (!PyArg_ParseTuple(args, "OOKKn|p", &start, &items_obj, &a_tag, &href, &min_links, &dated_only)) {
        return NULL;
    }
    if (ready(start) < 0 || read_mask(items_obj, &items) < 0) {
        return NULL;
    }
    link_t *links = NULL;
    size_t n = 0, size = 0;
    const lxb_node *root = node_of(start);
    const lxb_node *node = root;
    Py_ssize_t position = 0;
    while (node != NULL) {
        if (node->type == NODE_ELEMENT && node->local_name == a_tag && attribute(node, href) != NULL) {
            const lxb_node *item = node->parent;
            while (item != NULL && !(item->local_name < MASK_SIZE && items[item->local_name])) {
                item = item->parent;
            }
            const lxb_node *block = item != NULL ? item->parent : NULL;
            if (block != NULL) {
                if (n == size) {
                    size = size ? size * 2 : 64;
                    link_t *grown = PyMem_Realloc(links, size * sizeof(link_t));
                    if (grown == NULL) {
                        PyMem_Free(links);
                        return PyErr_NoMemory();
                    }
                    links = grown;
                }
                links[n++] = (link_t){(uintptr_t)block, (uintptr_t)node, (uintptr_t)item, position, 0};
            }
            position++;
        }
        node = next_node(node, root);
    }
    PyObject *groups = grouped(root, links, n, min_links, dated_only);
    PyMem_Free(links);
    return groups;
}

/* block_text(node, blocks, cells, breaks, para, cell): `node`'s text with `para` before
 * and after each element whose tag `blocks` holds, after each of `breaks` (<br>, <hr>),
 * and `cell` after each of `cells` — `node` itself excepted: the text `text.block_text`
 * used to get by inserting those marks into the tree and reading it, without changing
 * the tree. (`breaks` and `cells` take precedence over `blocks`, as there.) */
static int mark_leave(const lxb_node *node, const unsigned char *blocks, const unsigned char *cells,
                      const unsigned char *breaks, buffer_t *buf, const char *para, size_t para_len,
                      const char *cell, size_t cell_len) {
    uintptr_t tag = node->local_name;
    if (node->type != NODE_ELEMENT || tag >= MASK_SIZE) {
        return 0;
    }
    if (cells[tag]) {
        return append(buf, (const unsigned char *)cell, cell_len);
    }
    if (breaks[tag] || blocks[tag]) {
        return append(buf, (const unsigned char *)para, para_len);
    }
    return 0;
}

static PyObject *block_text(PyObject *self, PyObject *args) {
    PyObject *start, *blocks_obj, *cells_obj, *breaks_obj;
    const char *para, *cell;
    Py_ssize_t para_len, cell_len;
    const unsigned char *blocks, *cells, *breaks;
    if (!PyArg_ParseTuple(args, "OOOOs#s#", &start, &blocks_obj, &cells_obj, &breaks_obj, &para, &para_len,
                          &cell, &cell_len)) {
        return NULL;
    }
    if (ready(start) < 0 || read_mask(blocks_obj, &blocks) < 0 || read_mask(cells_obj, &cells) < 0
        || read_mask(breaks_obj, &breaks) < 0) {
        return NULL;
    }
    buffer_t buf = {NULL, 0, 0};
    const lxb_node *root = node_of(start);
    const lxb_node *node = root->first_child;
    int failed = 0;
    while (node != NULL && !failed) {
        uintptr_t tag = node->local_name;
        if (node->type == NODE_ELEMENT) {
            if (tag < MASK_SIZE && blocks[tag] && !cells[tag] && !breaks[tag]) {
                failed = append(&buf, (const unsigned char *)para, para_len) < 0;
            }
        } else if (tag == TAG_TEXT) {
            const lxb_str *str = &((const lxb_character_data *)node)->data;
            if (str->data != NULL) {
                failed = append(&buf, str->data, str->length) < 0;
            }
        }
        if (node->first_child != NULL) {
            node = node->first_child;
            continue;
        }
        failed = failed || mark_leave(node, blocks, cells, breaks, &buf, para, para_len, cell, cell_len) < 0;
        while (!failed && node != root && node->next == NULL) {
            node = node->parent;
            if (node != root) {
                failed = mark_leave(node, blocks, cells, breaks, &buf, para, para_len, cell, cell_len) < 0;
            }
        }
        if (node == root) {
            break;
        }
        node = node->next;
    }
    PyObject *text = failed ? NULL : PyUnicode_DecodeUTF8(buf.data ? buf.data : "", buf.length, "replace");
    PyMem_Free(buf.data);
    return text;
}

/* The listing date test (`link_groups`' dated blocks): whether a text holds what
 * `listing._DATE` finds, as `listing_page.prints_date` tests it: two decimal digits, one
 * of - / . 年, one or two digits, one of - / . 月, a digit (`\d` as Python's: Unicode
 * decimal digits). Read one text node at a time, in place: the space that
 * `text(separator=" ")` puts between them breaks the pattern, so a block prints a date
 * exactly when one of its text nodes does. Invalid UTF-8 is read from its decoded text
 * (U+FFFD substitutes). */
/* `\d`: str.isdecimal(). No decimal digit lies below U+0660 past ASCII, nor in the CJK
 * blocks U+3000-U+A61F, so most characters of these pages are answered inline. */
static inline int decimal(Py_UCS4 c) {
    if (c < 128) {
        return c >= '0' && c <= '9';
    }
    return c >= 0x660 && !(c >= 0x3000 && c < 0xA620) && Py_UNICODE_ISDECIMAL(c);
}

/* What a character can be in a date: DIGIT, S1 (one of - / . 年), S2 (one of - / . 月). */
enum { DIGIT = 1, S1 = 2, S2 = 4 };

static inline unsigned date_class(Py_UCS4 c) {
    if (c < 128) {
        return c >= '0' && c <= '9' ? DIGIT : (c == '-' || c == '/' || c == '.') ? S1 | S2 : 0;
    }
    return c == 0x5E74 ? S1 : c == 0x6708 ? S2 : decimal(c) ? DIGIT : 0;
}

/* The classes of the last seven characters, three bits each, the newest lowest. */
typedef struct {
    unsigned classes;
} window_t;

static void window_restart(void *state) {
    ((window_t *)state)->classes = 0;
}

/* The class of the character `back` places before the newest (0: the newest). */
#define BACK(w, back) (((w) >> (3 * (back))) & 7)

/* Takes `c` into the window; true when the text so far ends in d d S1 d S2 d or
 * d d S1 d d S2 d (the two digits, then the `_DATE_TAIL` match). */
static inline int window_visit(void *state, Py_UCS4 c) {
    window_t *win = state;
    unsigned w = ((win->classes << 3) | date_class(c)) & 0x1FFFFF;
    win->classes = w;
    if (!(BACK(w, 0) & DIGIT) || !(BACK(w, 1) & S2)) { /* every date ends S2 d: most characters stop here */
        return 0;
    }
    if ((BACK(w, 2) & DIGIT) && (BACK(w, 3) & S1) && (BACK(w, 4) & DIGIT) && (BACK(w, 5) & DIGIT)) {
        return 1; /* d d S1 d S2 d */
    }
    return (BACK(w, 2) & DIGIT) && (BACK(w, 3) & DIGIT) && (BACK(w, 4) & S1) && (BACK(w, 5) & DIGIT)
           && (BACK(w, 6) & DIGIT); /* d d S1 d d S2 d */
}

/* Whether one text node prints a listing date on its own: 1, 0, or -1 on error (any other
 * node: 0). */
static int text_prints_date(const lxb_node *text) {
    const lxb_str *str = &((const lxb_character_data *)text)->data;
    if (text->local_name != TAG_TEXT || str->data == NULL) {
        return 0;
    }
    window_t window;
    window_restart(&window);
    return each_char((const char *)str->data, str->length, window_visit, window_restart, &window);
}

static int nonspace_visit(void *state, Py_UCS4 c) {
    *(Py_ssize_t *)state += !py_space(c);
    return 0;
}

static void nonspace_restart(void *state) {
    *(Py_ssize_t *)state = 0;
}

/* The characters of `node`'s text that are not whitespace (`str.isspace`), each text node
 * decoded on its own as selectolax's `text(strip=True)` decodes it: -1 on error. */
static Py_ssize_t nonspace_of(const lxb_node *root) {
    Py_ssize_t count = 0;
    const lxb_node *node = root->first_child;
    while (node != NULL) {
        const lxb_str *str = &((const lxb_character_data *)node)->data;
        if (node->local_name == TAG_TEXT && str->data != NULL) {
            Py_ssize_t here = 0;
            if (each_char((const char *)str->data, str->length, nonspace_visit, nonspace_restart, &here) < 0) {
                return -1;
            }
            count += here;
        }
        node = next_node(node, root);
    }
    return count;
}

/* text_chars(node, block=None, a=0): with `a` 0, the non-whitespace characters of `node`'s
 * text (`listing_page._text_len`); else the sum of that over every element of `node`'s
 * subtree with tag `a`, leaving out those strictly inside `block` (the listing check's
 * link text outside the list). */
static PyObject *text_chars(PyObject *self, PyObject *args) {
    PyObject *start, *block_obj = Py_None;
    unsigned long long a_tag = 0;
    if (!PyArg_ParseTuple(args, "O|OK", &start, &block_obj, &a_tag)) {
        return NULL;
    }
    if (ready(start) < 0 || (block_obj != Py_None && ready(block_obj) < 0)) {
        return NULL;
    }
    const lxb_node *root = node_of(start);
    if (a_tag == 0) {
        Py_ssize_t n = nonspace_of(root);
        return n < 0 ? NULL : PyLong_FromSsize_t(n);
    }
    const lxb_node *block = block_obj != Py_None ? node_of(block_obj) : NULL;
    Py_ssize_t total = 0;
    const lxb_node *node = root;
    while (node != NULL) {
        if (node->type == NODE_ELEMENT && node->local_name == a_tag) {
            int inside = 0;
            for (const lxb_node *up = node->parent; up != NULL && block != NULL && !inside; up = up->parent) {
                inside = up == block;
            }
            if (!inside) {
                Py_ssize_t n = nonspace_of(node);
                if (n < 0) {
                    return NULL;
                }
                total += n;
            }
        }
        node = next_node(node, root);
    }
    return PyLong_FromSsize_t(total);
}

/* clean_text(node, between, limit): `text.clean_inline(node.text(separator=sep))` made in
 * one pass over the text nodes, where `between` says whether `sep` is whitespace (a word
 * break between text nodes) or "": zero-width U+200B/U+FEFF dropped, each run of
 * whitespace (`str.isspace`) one space, none at the ends. None as soon as more than
 * `limit` characters are kept (the cleaned text is then longer than `limit`); False when
 * a text node is not valid UTF-8 (the caller cleans selectolax's text itself). */
static PyObject *clean_text(PyObject *self, PyObject *args) {
    PyObject *start;
    int between;
    Py_ssize_t limit;
    if (!PyArg_ParseTuple(args, "Opn", &start, &between, &limit)) {
        return NULL;
    }
    if (ready(start) < 0) {
        return NULL;
    }
    const lxb_node *root = node_of(start);
    buffer_t out = {NULL, 0, 0};
    Py_ssize_t kept = 0;
    int space = 0; /* a break is pending: written before the next kept character */
    PyObject *result = NULL;
    for (const lxb_node *node = root->first_child; node != NULL; node = next_node(node, root)) {
        const lxb_str *str = &((const lxb_character_data *)node)->data;
        if (node->local_name != TAG_TEXT || str->data == NULL) {
            continue;
        }
        space |= between;
        size_t i = 0;
        while (i < str->length) {
            size_t from = i;
            Py_UCS4 c;
            if (utf8_next(str->data, str->length, &i, &c) < 0) {
                Py_INCREF(Py_False);
                result = Py_False;
                goto done;
            }
            if (c == 0x200B || c == 0xFEFF) {
                continue;
            }
            if (py_space(c)) {
                space = 1;
                continue;
            }
            if (++kept > limit) {
                Py_INCREF(Py_None);
                result = Py_None;
                goto done;
            }
            if ((space && out.length > 0 && append(&out, (const unsigned char *)" ", 1) < 0)
                || append(&out, str->data + from, i - from) < 0) {
                goto done;
            }
            space = 0;
        }
    }
    result = PyUnicode_DecodeUTF8(out.data ? out.data : "", (Py_ssize_t)out.length, "strict");
done:
    PyMem_Free(out.data);
    return result;
}

/* Non-whitespace characters of the text in `buf`, decoded as a whole ("replace"). */
static Py_ssize_t nonspace_in(const buffer_t *buf) {
    Py_ssize_t count = 0;
    if (buf->length > 0 && each_char(buf->data, buf->length, nonspace_visit, nonspace_restart, &count) < 0) {
        return -1;
    }
    return count;
}

/* link_texts(node, a, href, with_total): what `content.link_density` reads: (the
 * non-whitespace characters of `node.text()`, or None without `with_total`, [(href or
 * None, the non-whitespace characters of the link's text)] for each element with tag `a`
 * under `node`, itself included, in document order). */
static PyObject *link_texts(PyObject *self, PyObject *args) {
    PyObject *start;
    unsigned long long a_tag, href;
    int with_total;
    if (!PyArg_ParseTuple(args, "OKKp", &start, &a_tag, &href, &with_total)) {
        return NULL;
    }
    if (ready(start) < 0) {
        return NULL;
    }
    buffer_t buf = {NULL, 0, 0};
    PyObject *links = PyList_New(0), *total = NULL;
    const lxb_node *root = node_of(start);
    if (links == NULL) {
        return NULL;
    }
    if (with_total) {
        Py_ssize_t n = text_of(root, 1, &buf) < 0 ? -1 : nonspace_in(&buf);
        total = n < 0 ? NULL : PyLong_FromSsize_t(n);
    } else {
        total = Py_NewRef(Py_None);
    }
    for (const lxb_node *node = root; node != NULL && total != NULL; node = next_node(node, root)) {
        if (node->type != NODE_ELEMENT || node->local_name != a_tag) {
            continue;
        }
        Py_ssize_t n = text_of(node, 1, &buf) < 0 ? -1 : nonspace_in(&buf);
        const lxb_attr *attr = attribute(node, href);
        PyObject *value = attr != NULL && attr->value != NULL && attr->value->data != NULL
                              ? PyUnicode_DecodeUTF8((const char *)attr->value->data, attr->value->length, "replace")
                              : Py_NewRef(Py_None);
        PyObject *item = n < 0 || value == NULL ? NULL : Py_BuildValue("(On)", value, n);
        Py_XDECREF(value);
        if (item == NULL || PyList_Append(links, item) < 0) {
            Py_XDECREF(item);
            Py_CLEAR(total);
            break;
        }
        Py_DECREF(item);
    }
    PyMem_Free(buf.data);
    if (total == NULL) {
        Py_DECREF(links);
        return NULL;
    }
    return Py_BuildValue("(NN)", total, links);
}

/* at(node, key): the node at address `key` of `node`'s page, as a LexborNode. Only for keys
 * that `scoring_inputs` or `link_groups` returned for that page, before it changed. */
static PyObject *at(PyObject *self, PyObject *args) {
    PyObject *sample;
    unsigned long long key;
    if (!PyArg_ParseTuple(args, "OK", &sample, &key)) {
        return NULL;
    }
    if (ready(sample) < 0) {
        return NULL;
    }
    if (key == 0) {
        PyErr_SetString(PyExc_ValueError, "no node at address 0");
        return NULL;
    }
    return wrap((lxb_node *)(uintptr_t)key, parser_of(sample));
}

static PyMethodDef methods[] = {
    {"calibrate", calibrate, METH_VARARGS, "Find a LexborNode's node and parser fields on a live node."},
    {"select", select_tags, METH_VARARGS, "Elements of a subtree a tag mask or a rule wants."},
    {"deeper_than", deeper_than, METH_VARARGS, "Whether an element sits more than N elements deep."},
    {"scoring_inputs", scoring_inputs, METH_VARARGS, "What the body scorer reads, in one walk."},
    {"scores", scores, METH_VARARGS, "The body scorer's credits, in one walk."},
    {"link_groups", link_groups, METH_VARARGS, "Links with an href grouped by their item's parent."},
    {"block_text", block_text, METH_VARARGS, "A subtree's text with paragraph and cell marks."},
    {"text_chars", text_chars, METH_VARARGS, "Non-whitespace characters of a subtree's (or its links') text."},
    {"clean_text", clean_text, METH_VARARGS, "A subtree's text as text.clean_inline cleans it, up to N kept characters."},
    {"link_texts", link_texts, METH_VARARGS, "What the link density reads, in one walk."},
    {"at", at, METH_VARARGS, "The node at an address a walk of the same page returned."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_treewalk", NULL, -1, methods};

PyMODINIT_FUNC PyInit__treewalk(void) {
    empty_args = PyTuple_New(0);
    if (empty_args == NULL) {
        return NULL;
    }
    return PyModule_Create(&module);
}
