/* The clean and match views of services/arabic/fold.py in C: the same text and the same runs.
 *
 * This file holds no table. services/arabic/cviews.py derives, per FoldOptions, what each pass does to
 * each code point from the Python tables (charsets, options, presentation) and hands it over through
 * `tables()`. Each view is one fused scan of the input in its own str kind (see "the fused views"): it
 * writes the view and its final runs as it goes, with the run arithmetic of offsets.py worked out once
 * for what the passes can meet. Below it, the passes themselves, line-for-line ports of fold.py and
 * offsets.py (apply_edits, compose, tidy, attached_deletion, space_edits) on UCS-4 copies, run what the
 * fused scan gives up on (a hamza composition, an expansion holding a space). Every str kind, NUL, lone
 * surrogates and code points past the BMP are plain code points here, as they are in Python.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* What a pass does to a code point (the values of cviews.py). */
enum { F_FOLD = 1, F_GATE = 2, F_DELETE = 4, F_EXPAND = 8, F_HAMZA_MARK = 16, F_ALL = 31 };
/* Flags of the fused scans' entries only (`make_entry`, not cviews.py): a space or newline the space pass
 * reads (with `spaces`), a code point the fused clean scan leaves to the passes (an expansion holding a
 * space or newline, whose space runs would cut a whole run, or a hamza mark), a code point replaced. */
enum { F_SPACE = 32, F_SLOW = 64, F_CHANGED = 128 };

#define BLOCK_BITS 8
#define BLOCK_SIZE (1 << BLOCK_BITS)
#define BLOCK_COUNT (0x110000 >> BLOCK_BITS)
#define MAX_CODE 0x10FFFF
#define FEW_DELETIONS 100 /* fold.py _FEW_SPANS: past this many deleted code points the spaces are checked */

typedef struct {
    Py_UCS4 fold;       /* F_FOLD: the one-to-one replacement */
    uint32_t expansion; /* F_EXPAND: index of the replacement text */
    uint8_t flags;
} Entry;

typedef struct {
    Py_UCS4 base, mark;
    uint32_t expansion;
} Composition;

typedef struct {
    PyObject_HEAD
    uint16_t block_of[BLOCK_COUNT]; /* block of entries per 256 code points; block 0 is all empty */
    Entry *entries;
    Py_UCS4 *pool;                  /* the replacement texts, back to back */
    Py_ssize_t *expansion_start;    /* expansion_count + 1 offsets into pool */
    Py_ssize_t expansion_count;
    Composition *compositions;
    Py_ssize_t composition_count;
    int spaces;
    Py_UCS4 max_produced;           /* the highest code point a fold or an expansion writes */
    uint32_t *flat;                 /* the entry (`make_entry`) of every BMP code point (256 KiB) */
} Tables;

static PyTypeObject *TablesType = NULL;

static inline const Entry *lookup(const Tables *t, Py_UCS4 c)
{
    return &t->entries[((size_t)t->block_of[c >> BLOCK_BITS] << BLOCK_BITS) | (c & (BLOCK_SIZE - 1))];
}

/* ---- growable arrays -------------------------------------------------------------------------------- */

static int grow(void **data, Py_ssize_t *cap, Py_ssize_t need, size_t item)
{
    if (need <= *cap)
        return 0;
    Py_ssize_t new_cap = *cap > 16 ? *cap : 16;
    while (new_cap < need) {
        if (new_cap > PY_SSIZE_T_MAX / 2 / (Py_ssize_t)item) {
            PyErr_NoMemory();
            return -1;
        }
        new_cap *= 2;
    }
    void *grown = PyMem_Realloc(*data, (size_t)new_cap * item);
    if (grown == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    *data = grown;
    *cap = new_cap;
    return 0;
}

typedef struct {
    Py_UCS4 *data;
    Py_ssize_t len, cap;
} Text;

typedef struct {
    Py_ssize_t view, raw, view_len, raw_len;
} Run;

typedef struct {
    Run *data;
    Py_ssize_t len, cap;
} Runs;

typedef struct {
    Py_ssize_t start, end;
    const Py_UCS4 *replacement;
    Py_ssize_t replacement_len;
} Edit;

typedef struct {
    Edit *data;
    Py_ssize_t len, cap;
} Edits;

static inline int push_run(Runs *runs, Py_ssize_t view, Py_ssize_t raw, Py_ssize_t view_len, Py_ssize_t raw_len)
{
    if (runs->len >= runs->cap && grow((void **)&runs->data, &runs->cap, runs->len + 1, sizeof(Run)) < 0)
        return -1;
    runs->data[runs->len++] = (Run){view, raw, view_len, raw_len};
    return 0;
}

static int push_edit(Edits *edits, Py_ssize_t start, Py_ssize_t end, const Py_UCS4 *replacement, Py_ssize_t len)
{
    if (grow((void **)&edits->data, &edits->cap, edits->len + 1, sizeof(Edit)) < 0)
        return -1;
    edits->data[edits->len++] = (Edit){start, end, replacement, len};
    return 0;
}

static const Py_UCS4 SPACE[1] = {' '};
static const Py_UCS4 NEWLINE[1] = {'\n'};

static inline int is_space(Py_UCS4 c) { return c == ' ' || c == '\n'; }

static inline const Py_UCS4 *expansion_of(const Tables *t, uint32_t index, Py_ssize_t *len)
{
    *len = t->expansion_start[index + 1] - t->expansion_start[index];
    return t->pool + t->expansion_start[index];
}

/* ---- offsets.py ------------------------------------------------------------------------------------- */

static int identity(Runs *runs, Py_ssize_t length)
{
    runs->len = 0;
    return length ? push_run(runs, 0, 0, length, length) : 0;
}

static int is_identity(const Runs *runs)
{
    return runs->len == 1 && runs->data[0].view == 0 && runs->data[0].raw == 0 &&
           runs->data[0].view_len == runs->data[0].raw_len;
}

/* offsets._exact: append a one-to-one run or extend the last one; return the view offset after it. */
static Py_ssize_t exact(Runs *runs, Py_ssize_t view, Py_ssize_t raw, Py_ssize_t length, Py_ssize_t exact_end)
{
    if (exact_end == raw) {
        Run *last = &runs->data[runs->len - 1];
        last->view_len += length;
        last->raw_len = last->view_len;
    }
    else if (push_run(runs, view, raw, length, length) < 0) {
        return -1;
    }
    return view + length;
}

/* offsets.apply_edits: `out` gets the edited text, `runs` its runs back to `text`. */
static int apply_edits(const Text *text, const Edits *edits, Text *out, Runs *runs)
{
    Py_ssize_t size = text->len;
    for (Py_ssize_t i = 0; i < edits->len; i++)
        size += edits->data[i].replacement_len - (edits->data[i].end - edits->data[i].start);
    if (grow((void **)&out->data, &out->cap, size + 1, sizeof(Py_UCS4)) < 0)
        return -1;
    out->len = 0;
    runs->len = 0;
    Py_ssize_t pos = 0, view = 0, exact_end = -1;
    for (Py_ssize_t i = 0; i < edits->len; i++) {
        const Edit *e = &edits->data[i];
        if (e->start > pos) {
            memcpy(out->data + out->len, text->data + pos, (size_t)(e->start - pos) * sizeof(Py_UCS4));
            out->len += e->start - pos;
            if ((view = exact(runs, view, pos, e->start - pos, exact_end)) < 0)
                return -1;
            exact_end = e->start;
        }
        if (e->replacement_len) {
            memcpy(out->data + out->len, e->replacement, (size_t)e->replacement_len * sizeof(Py_UCS4));
            out->len += e->replacement_len;
            if (e->replacement_len == e->end - e->start) {
                if ((view = exact(runs, view, e->start, e->end - e->start, exact_end)) < 0)
                    return -1;
                exact_end = e->end;
            }
            else {
                if (push_run(runs, view, e->start, e->replacement_len, e->end - e->start) < 0)
                    return -1;
                view += e->replacement_len;
                exact_end = -1;
            }
        }
        pos = e->end;
    }
    if (pos < text->len) {
        memcpy(out->data + out->len, text->data + pos, (size_t)(text->len - pos) * sizeof(Py_UCS4));
        out->len += text->len - pos;
        if (exact(runs, view, pos, text->len - pos, exact_end) < 0)
            return -1;
    }
    return 0;
}

/* offsets.tidy, in place. */
static void tidy(Runs *runs)
{
    if (!runs->len)
        return;
    Py_ssize_t count = 1;
    Run p = runs->data[0];
    Py_ssize_t p_end = p.raw + p.raw_len;
    for (Py_ssize_t i = 1; i < runs->len; i++) {
        Run run = runs->data[i];
        if (run.raw < p_end || (run.raw == p_end && p.view_len == p.raw_len && run.view_len == run.raw_len)) {
            if (run.raw + run.raw_len > p_end)
                p_end = run.raw + run.raw_len;
            p.view_len += run.view_len;
            p.raw_len = p_end - p.raw;
            runs->data[count - 1] = p;
        }
        else {
            runs->data[count++] = run;
            p = run;
            p_end = p.raw + p.raw_len;
        }
    }
    runs->len = count;
}

#define NOT_TILED (-2) /* `outer` reads past the end of `inner` (no exception set) */

static int next_inner(const Runs *inner, Py_ssize_t *j, Run *in)
{
    if (++*j >= inner->len)
        return NOT_TILED;
    *in = inner->data[*j];
    return 0;
}

/* offsets.compose (its general merge; the constant-shift chunks of the Python give the same runs), for
 * an `inner` that is not the identity. -1: an exception; NOT_TILED: runs that do not tile. */
static int compose(const Runs *outer, const Runs *inner, Runs *result)
{
    result->len = 0;
    if (!inner->len)
        return NOT_TILED;
    Py_ssize_t j = 0;
    int partial = 0;
    Run in = inner->data[0];
    for (Py_ssize_t i = 0; i < outer->len; i++) {
        const Run o = outer->data[i];
        while (in.view + in.view_len <= o.raw)
            if (next_inner(inner, &j, &in) < 0)
                return NOT_TILED;
        Py_ssize_t mid_end = o.raw + o.raw_len;
        if (o.view_len != o.raw_len) {
            Py_ssize_t raw_start = in.view_len == in.raw_len ? in.raw + o.raw - in.view : in.raw;
            partial = partial || (in.view_len != in.raw_len && o.raw != in.view);
            while (in.view + in.view_len < mid_end)
                if (next_inner(inner, &j, &in) < 0)
                    return NOT_TILED;
            Py_ssize_t raw_end = in.view_len == in.raw_len ? in.raw + mid_end - in.view : in.raw + in.raw_len;
            partial = partial || (in.view_len != in.raw_len && mid_end != in.view + in.view_len);
            if (push_run(result, o.view, raw_start, o.view_len, raw_end - raw_start) < 0)
                return -1;
            continue;
        }
        Py_ssize_t pos = o.raw;
        for (;;) {
            Py_ssize_t in_end = in.view + in.view_len;
            Py_ssize_t stop = in_end < mid_end ? in_end : mid_end;
            if (in.view_len == in.raw_len) {
                if (push_run(result, o.view + pos - o.raw, in.raw + pos - in.view, stop - pos, stop - pos) < 0)
                    return -1;
            }
            else {
                if (push_run(result, o.view + pos - o.raw, in.raw, stop - pos, in.raw_len) < 0)
                    return -1;
                partial = partial || pos != in.view || stop != in_end;
            }
            if (stop == mid_end)
                break;
            pos = stop;
            if (next_inner(inner, &j, &in) < 0)
                return NOT_TILED;
        }
    }
    if (partial)
        tidy(result);
    return 0;
}

static void swap_texts(Text *a, Text *b)
{
    Text t = *a;
    *a = *b;
    *b = t;
}

static void swap_runs(Runs *a, Runs *b)
{
    Runs t = *a;
    *a = *b;
    *b = t;
}

/* Scratch space of one call, freed at its end. */
typedef struct {
    Text text, spare_text;
    Runs runs, pass_runs, composed;
    Edits edits;
} Work;

static void work_free(Work *w)
{
    PyMem_Free(w->text.data);
    PyMem_Free(w->spare_text.data);
    PyMem_Free(w->runs.data);
    PyMem_Free(w->pass_runs.data);
    PyMem_Free(w->composed.data);
    PyMem_Free(w->edits.data);
}

/* fold._pass: apply `w->edits` to `w->text` and compose their runs with `w->runs`. */
static int run_pass(Work *w)
{
    if (!w->edits.len)
        return 0;
    if (apply_edits(&w->text, &w->edits, &w->spare_text, &w->pass_runs) < 0)
        return -1;
    swap_texts(&w->text, &w->spare_text);
    if (is_identity(&w->runs)) {
        swap_runs(&w->runs, &w->pass_runs);
        return 0;
    }
    int status = compose(&w->pass_runs, &w->runs, &w->composed);
    if (status == NOT_TILED)
        PyErr_SetString(PyExc_SystemError, "_cviews: runs do not tile the text");
    if (status < 0)
        return -1;
    swap_runs(&w->runs, &w->composed);
    return 0;
}

/* fold.space_edits */
static int space_edits(const Text *text, Edits *edits)
{
    const Py_UCS4 *d = text->data;
    Py_ssize_t n = text->len, head = 0, tail = n;
    edits->len = 0;
    while (head < n && is_space(d[head]))
        head++;
    if (head == n)
        return n ? push_edit(edits, 0, n, NULL, 0) : 0;
    while (is_space(d[tail - 1]))
        tail--;
    if (head && push_edit(edits, 0, head, NULL, 0) < 0)
        return -1;
    for (Py_ssize_t i = head; i < tail;) {
        if (!is_space(d[i])) {
            i++;
            continue;
        }
        Py_ssize_t end = i;
        int newline = 0;
        while (end < tail && is_space(d[end]))
            newline |= d[end++] == '\n';
        if (end - i >= 2 && push_edit(edits, i, end, newline ? NEWLINE : SPACE, 1) < 0)
            return -1;
        i = end;
    }
    if (tail < n && push_edit(edits, tail, n, NULL, 0) < 0)
        return -1;
    return 0;
}

static int space_pass(Work *w)
{
    if (space_edits(&w->text, &w->edits) < 0)
        return -1;
    return run_pass(w);
}

/* ---- the views -------------------------------------------------------------------------------------- */

static int start_work(Work *w, PyObject *str)
{
    memset(w, 0, sizeof(*w));
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(str) < 0)
        return -1;
#endif
    Py_ssize_t n = PyUnicode_GET_LENGTH(str);
    if (grow((void **)&w->text.data, &w->text.cap, n + 1, sizeof(Py_UCS4)) < 0)
        return -1;
    if (PyUnicode_AsUCS4(str, w->text.data, w->text.cap, 1) == NULL)
        return -1;
    w->text.len = n;
    return identity(&w->runs, n);
}

/* fold._fold_one_to_one: replace the F_FOLD code points; return whether an F_GATE one was seen (-1: none
 * folded and none seen, so the caller may hand back the input string). */
static int fold_one_to_one(const Tables *t, Text *text, int *folded)
{
    int gate = 0;
    *folded = 0;
    Py_UCS4 *d = text->data;
    for (Py_ssize_t i = 0; i < text->len; i++) {
        const Entry *e = lookup(t, d[i]);
        if (e->flags & F_FOLD) {
            d[i] = e->fold;
            *folded = 1;
        }
        else if (e->flags & F_GATE) {
            gate = 1;
        }
    }
    return gate;
}

/* Offsets below this are shared int objects, made at first use and kept (at most 64 Ki of them, 2.5 MB):
 * a vocalised text has a run per letter, and two fresh ints per run were a third of the match view's time. */
#define SHARED_INTS (1 << 16)
static PyObject **shared_ints = NULL;

static inline PyObject *offset_int(Py_ssize_t value)
{
    if ((size_t)value < SHARED_INTS && shared_ints != NULL && shared_ints[value] != NULL)
        return Py_NewRef(shared_ints[value]);
    if (value < 0 || value >= SHARED_INTS)
        return PyLong_FromSsize_t(value);
    if (shared_ints == NULL && (shared_ints = PyMem_Calloc(SHARED_INTS, sizeof(PyObject *))) == NULL)
        return PyErr_NoMemory();
    if (shared_ints[value] == NULL && (shared_ints[value] = PyLong_FromSsize_t(value)) == NULL)
        return NULL;
    return Py_NewRef(shared_ints[value]);
}

static PyObject *run_tuple(const Run *r)
{
    PyObject *tuple = PyTuple_New(4);
    if (tuple == NULL)
        return NULL;
    Py_ssize_t values[4] = {r->view, r->raw, r->view_len, r->raw_len};
    for (int k = 0; k < 4; k++) {
        PyObject *value = offset_int(values[k]);
        if (value == NULL) {
            Py_DECREF(tuple);
            return NULL;
        }
        PyTuple_SET_ITEM(tuple, k, value);
    }
    PyObject_GC_UnTrack(tuple); /* four ints cannot be in a cycle (CPython untracks such tuples too) */
    return tuple;
}

static inline int same_run(const Run *a, const Run *b)
{
    return a->view == b->view && a->raw == b->raw && a->view_len == b->view_len && a->raw_len == b->raw_len;
}

/* ---- RunArray: the runs as one flat array ----------------------------------------------------------- */

/* What the views and `compose` return: the runs as 4 Py_ssize_t each, in one object. It is a read-only
 * sequence of `(view_start, raw_start, view_len, raw_len)` tuples, made on demand (a news article has about
 * a hundred runs, a vocalised one thousands: making a tuple and a list per run was most of the views'
 * time), equal to a list holding the same runs, and `compose` and `columns` read it without any tuple. It
 * pickles as the list of tuples (a process without the compiled build reads it) and `tolist()` gives that
 * list. The published OffsetMap holds it as it is and serialises it as that list. */
typedef struct {
    PyObject_VAR_HEAD
    Run runs[1];
} RunArray;

static PyTypeObject *RunArrayType = NULL;

#define RUN_ARRAY_CHECK(op) (Py_TYPE(op) == RunArrayType)

static PyObject *run_array(const Run *runs, Py_ssize_t len)
{
    RunArray *self = PyObject_NewVar(RunArray, RunArrayType, len);
    if (self == NULL)
        return NULL;
    if (len)
        memcpy(self->runs, runs, (size_t)len * sizeof(Run));
    return (PyObject *)self;
}

static void run_array_dealloc(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    type->tp_free(self);
    Py_DECREF(type);
}

static Py_ssize_t run_array_length(PyObject *self) { return Py_SIZE(self); }

static PyObject *run_array_item(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "run index out of range");
        return NULL;
    }
    return run_tuple(&((RunArray *)self)->runs[i]);
}

static PyObject *run_array_subscript(PyObject *self, PyObject *key)
{
    if (PyIndex_Check(key)) {
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        return run_array_item(self, i < 0 ? i + Py_SIZE(self) : i);
    }
    if (!PySlice_Check(key)) {
        PyErr_Format(PyExc_TypeError, "run indices must be integers or slices, not %.200s", Py_TYPE(key)->tp_name);
        return NULL;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(key, &start, &stop, &step) < 0)
        return NULL;
    Py_ssize_t count = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    const Run *runs = ((RunArray *)self)->runs;
    if (step == 1)
        return run_array(runs + start, count);
    RunArray *slice = PyObject_NewVar(RunArray, RunArrayType, count);
    if (slice == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < count; k++)
        slice->runs[k] = runs[start + k * step];
    return (PyObject *)slice;
}

static PyObject *runs_to_list(const Run *runs, Py_ssize_t len)
{
    PyObject *list = PyList_New(len);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < len; i++) {
        PyObject *tuple = run_tuple(&runs[i]);
        if (tuple == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, tuple);
    }
    return list;
}

static PyObject *run_array_tolist(PyObject *self, PyObject *unused)
{
    return runs_to_list(((RunArray *)self)->runs, Py_SIZE(self));
}

static PyObject *run_array_reduce(PyObject *self, PyObject *unused)
{
    PyObject *list = run_array_tolist(self, NULL);
    if (list == NULL)
        return NULL;
    PyObject *reduced = Py_BuildValue("(O(N))", (PyObject *)&PyList_Type, list);
    return reduced;
}

static PyObject *run_array_repr(PyObject *self)
{
    PyObject *list = run_array_tolist(self, NULL);
    if (list == NULL)
        return NULL;
    PyObject *repr = PyUnicode_FromFormat("RunArray(%R)", list);
    Py_DECREF(list);
    return repr;
}

static inline int read_offset(PyObject *value, Py_ssize_t *out);

/* Whether the list item `item` is the run `run`: 1, 0, or -1 with an exception. */
static int item_is_run(PyObject *item, const Run *run)
{
    if (PyTuple_CheckExact(item) && PyTuple_GET_SIZE(item) == 4) {
        Py_ssize_t values[4];
        int plain = 1;
        for (int k = 0; k < 4 && plain; k++)
            plain = read_offset(PyTuple_GET_ITEM(item, k), &values[k]) == 0;
        if (plain)
            return same_run(&(Run){values[0], values[1], values[2], values[3]}, run);
    }
    PyObject *tuple = run_tuple(run);
    if (tuple == NULL)
        return -1;
    Py_INCREF(item); /* the comparison may run Python code that changes the list */
    int equal = PyObject_RichCompareBool(tuple, item, Py_EQ);
    Py_DECREF(item);
    Py_DECREF(tuple);
    return equal;
}

/* `==` against another RunArray or a list (of runs as tuples), as a list of the tuples compares. */
static PyObject *run_array_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !(RUN_ARRAY_CHECK(other) || PyList_Check(other)))
        Py_RETURN_NOTIMPLEMENTED;
    const Run *runs = ((RunArray *)self)->runs;
    Py_ssize_t len = Py_SIZE(self);
    int equal = 1;
    if (RUN_ARRAY_CHECK(other)) {
        equal = Py_SIZE(other) == len;
        for (Py_ssize_t i = 0; i < len && equal; i++)
            equal = same_run(&runs[i], &((RunArray *)other)->runs[i]);
    }
    else {
        for (Py_ssize_t i = 0; equal == 1; i++) {
            if (i >= len || i >= PyList_GET_SIZE(other)) { /* the list may shrink while items compare */
                equal = len == PyList_GET_SIZE(other);
                break;
            }
            equal = item_is_run(PyList_GET_ITEM(other, i), &runs[i]);
        }
        if (equal < 0)
            return NULL;
    }
    return PyBool_FromLong(op == Py_EQ ? equal : !equal);
}

static int read_runs(PyObject *obj, Runs *runs);
static void runs_release(PyObject *obj, Runs *runs);

static PyObject *run_array_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *source;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "RunArray() takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "RunArray", 1, 1, &source))
        return NULL;
    Runs runs = {0};
    int status = read_runs(source, &runs);
    PyObject *answer = NULL;
    if (status == 0)
        answer = run_array(runs.data, runs.len);
    else if (status > 0)
        PyErr_SetString(PyExc_TypeError, "RunArray() takes a list of 4-tuples of ints in [0, 2**60]");
    runs_release(source, &runs);
    return answer;
}

static PyMethodDef run_array_methods[] = {
    {"tolist", run_array_tolist, METH_NOARGS, "The runs as a list of 4-tuples."},
    {"__reduce__", run_array_reduce, METH_NOARGS, "Pickles as the list of 4-tuples."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot run_array_slots[] = {
    {Py_tp_dealloc, run_array_dealloc},
    {Py_tp_repr, run_array_repr},
    {Py_tp_hash, PyObject_HashNotImplemented},
    {Py_tp_richcompare, run_array_richcompare},
    {Py_tp_methods, run_array_methods},
    {Py_tp_new, run_array_new},
    {Py_sq_length, run_array_length},
    {Py_sq_item, run_array_item},
    {Py_mp_length, run_array_length},
    {Py_mp_subscript, run_array_subscript},
    {Py_tp_doc, "RunArray(runs): offset runs (view_start, raw_start, view_len, raw_len) in one flat array."},
    {0, NULL},
};

static PyType_Spec run_array_spec = {
    .name = "services.arabic._cviews.RunArray",
    .basicsize = offsetof(RunArray, runs),
    .itemsize = sizeof(Run),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_SEQUENCE,
    .slots = run_array_slots,
};

/* (text, runs), taking over `text`. */
static PyObject *view_pair(PyObject *text, const Runs *runs)
{
    if (text == NULL)
        return NULL;
    PyObject *array = run_array(runs->data, runs->len);
    if (array == NULL) {
        Py_DECREF(text);
        return NULL;
    }
    PyObject *pair = PyTuple_Pack(2, text, array);
    Py_DECREF(text);
    Py_DECREF(array);
    return pair;
}

/* (text, runs) of the passes: the input string itself when nothing changed. */
static PyObject *result(Work *w, PyObject *input, int changed)
{
    return view_pair(changed ? PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, w->text.data, w->text.len)
                             : Py_NewRef(input),
                     &w->runs);
}

static int parse_view_args(PyObject *const *args, Py_ssize_t nargs, PyObject **text, const Tables **tables)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "expected (text: str, tables: Tables)");
        return -1;
    }
    if (!PyUnicode_Check(args[0]) || !PyObject_TypeCheck(args[1], TablesType)) {
        PyErr_SetString(PyExc_TypeError, "expected (text: str, tables: Tables)");
        return -1;
    }
    *text = args[0];
    *tables = (const Tables *)args[1];
    return 0;
}

/* fold.clean_view: folds, then invisible and presentation edits, hamza composition, space runs. */
static int clean_passes(const Tables *t, Work *w, int *changed)
{
    int needs_edit = fold_one_to_one(t, &w->text, changed);
    if (needs_edit) {
        const Py_UCS4 *d = w->text.data;
        w->edits.len = 0;
        for (Py_ssize_t i = 0; i < w->text.len; i++) {
            const Entry *e = lookup(t, d[i]);
            if (e->flags & F_EXPAND) {
                Py_ssize_t len;
                const Py_UCS4 *replacement = expansion_of(t, e->expansion, &len);
                if (push_edit(&w->edits, i, i + 1, replacement, len) < 0)
                    return -1;
            }
            else if ((e->flags & F_DELETE) && push_edit(&w->edits, i, i + 1, NULL, 0) < 0) {
                return -1;
            }
        }
        *changed |= w->edits.len > 0;
        if (run_pass(w) < 0)
            return -1;
        d = w->text.data;
        w->edits.len = 0;
        for (Py_ssize_t i = 1; i < w->text.len; i++) {
            if (!(lookup(t, d[i])->flags & F_HAMZA_MARK))
                continue;
            for (Py_ssize_t k = 0; k < t->composition_count; k++) {
                const Composition *c = &t->compositions[k];
                if (c->base != d[i - 1] || c->mark != d[i])
                    continue;
                if (w->edits.len == 0 || w->edits.data[w->edits.len - 1].end < i) {
                    Py_ssize_t len;
                    const Py_UCS4 *replacement = expansion_of(t, c->expansion, &len);
                    if (push_edit(&w->edits, i - 1, i + 1, replacement, len) < 0)
                        return -1;
                }
                break;
            }
        }
        *changed |= w->edits.len > 0;
        if (run_pass(w) < 0)
            return -1;
    }
    if (t->spaces) {
        if (space_edits(&w->text, &w->edits) < 0)
            return -1;
        *changed |= w->edits.len > 0;
        if (run_pass(w) < 0)
            return -1;
    }
    return 0;
}

/* fold._unsettled_spaces */
static int unsettled_spaces(const Text *text)
{
    const Py_UCS4 *d = text->data;
    Py_ssize_t n = text->len;
    if (!n)
        return 0;
    if (is_space(d[0]) || is_space(d[n - 1]))
        return 1;
    for (Py_ssize_t i = 1; i < n; i++)
        if (is_space(d[i]) && is_space(d[i - 1]))
            return 1;
    return 0;
}

/* fold.match_view: letter folds, then the deletions attached to the letter before them
 * (offsets.attached_deletion over the maximal runs of deleted code points), then spaces if unsettled. */
static int match_passes(const Tables *t, Work *w, int *changed)
{
    if (!fold_one_to_one(t, &w->text, changed))
        return 0;
    const Py_UCS4 *d = w->text.data;
    Py_ssize_t n = w->text.len;
    Text *out = &w->spare_text;
    Runs *runs = &w->pass_runs;
    if (grow((void **)&out->data, &out->cap, n + 1, sizeof(Py_UCS4)) < 0)
        return -1;
    out->len = 0;
    runs->len = 0;
    Py_ssize_t view = 0, consumed = 0, deleted = 0;
    int unsettled = 0;
    for (Py_ssize_t i = 0; i < n;) {
        if (!(lookup(t, d[i])->flags & F_DELETE)) {
            out->data[out->len++] = d[i++];
            continue;
        }
        Py_ssize_t start = i;
        while (i < n && (lookup(t, d[i])->flags & F_DELETE))
            i++;
        deleted += i - start;
        unsettled |= start == 0 || is_space(d[start - 1]);
        if (start) {
            if (start - 1 > consumed) {
                if (push_run(runs, view, consumed, start - 1 - consumed, start - 1 - consumed) < 0)
                    return -1;
                view += start - 1 - consumed;
            }
            if (push_run(runs, view, start - 1, 1, i - start + 1) < 0)
                return -1;
            view += 1;
        }
        consumed = i;
    }
    if (consumed < n && push_run(runs, view, consumed, n - consumed, n - consumed) < 0)
        return -1;
    *changed |= deleted > 0;
    swap_texts(&w->text, &w->spare_text);
    swap_runs(&w->runs, &w->pass_runs);
    if (t->spaces && (unsettled || deleted > FEW_DELETIONS) && unsettled_spaces(&w->text))
        return space_pass(w);
    return 0;
}

/* ---- the fused views -------------------------------------------------------------------------------- */

/* The passes above, fused into one scan of the input in its own str kind that writes the view and its
 * final runs as it goes. They give the same text and runs as the passes (offsets.py's arithmetic, worked
 * out once for what each pass can meet): one-to-one code points extend the open one-to-one run, a deletion
 * ends it, an expansion or a collapsed space run is a whole run. What this arithmetic does not cover (a
 * hamza composition, an expansion holding a space, match tables with expansions) makes the scan give up
 * and the passes run instead; the match view's second space pass runs in place (`fused_spaces`). */

enum { FUSED_OK = 0, FUSED_ERROR = -1, FUSED_GIVE_UP = 1 };
#define SPECULATIVE 32 /* code points per block written before it is known to need no run */

typedef struct {
    void *data;         /* the view: Py_UCS2 when the input is 1- or 2-byte, else Py_UCS4 */
    Py_ssize_t len, cap;
    Py_UCS4 bits;       /* the OR of its code points: the str kind it needs */
    Runs runs;
    int changed;
} Fused;

static inline __attribute__((always_inline)) Py_UCS4 read_char(int kind, const void *data, Py_ssize_t i)
{
    return kind == PyUnicode_1BYTE_KIND ? ((const Py_UCS1 *)data)[i]
         : kind == PyUnicode_2BYTE_KIND ? ((const Py_UCS2 *)data)[i]
                                        : ((const Py_UCS4 *)data)[i];
}

static inline __attribute__((always_inline)) void write_char(int wide, void *data, Py_ssize_t i, Py_UCS4 c)
{
    if (wide)
        ((Py_UCS4 *)data)[i] = c;
    else
        ((Py_UCS2 *)data)[i] = (Py_UCS2)c;
}

static inline __attribute__((always_inline)) Py_UCS4 view_char(int wide, const void *data, Py_ssize_t i)
{
    return wide ? ((const Py_UCS4 *)data)[i] : ((const Py_UCS2 *)data)[i];
}

#define TARGET_MASK 0x1FFFFF
#define FLAGS_SHIFT 24

/* A code point's flat entry: its flags above FLAGS_SHIFT and the code point it becomes in the low bits
 * (itself when it is not replaced). A one-to-one fold or a one-code-point expansion is F_FOLD alone (the
 * fold wins over the other flags, as in the passes), an empty expansion F_DELETE, an expansion the later
 * passes would read F_SLOW; F_SPACE marks what becomes a space, F_CHANGED what becomes another code point. */
static uint32_t make_entry(const Tables *t, Py_UCS4 c)
{
    const Entry *e = lookup(t, c);
    uint32_t flags = e->flags;
    Py_UCS4 target = c;
    if (flags & F_FOLD) {
        flags = F_FOLD;
        target = e->fold;
    }
    else if (flags & F_EXPAND) {
        Py_ssize_t length;
        const Py_UCS4 *replacement = expansion_of(t, e->expansion, &length);
        for (Py_ssize_t k = 0; k < length; k++)
            if ((t->spaces && is_space(replacement[k])) || (lookup(t, replacement[k])->flags & F_HAMZA_MARK))
                flags |= F_SLOW;
        if (length == 1 && !(flags & F_SLOW)) {
            flags = F_FOLD;
            target = replacement[0];
        }
        else if (length == 0) {
            flags = F_DELETE; /* apply_edits makes no difference between the two */
        }
    }
    if (t->spaces && is_space(target))
        flags |= F_SPACE;
    if (target != c)
        flags |= F_CHANGED;
    return flags << FLAGS_SHIFT | target;
}

static inline uint32_t entry_at(const Tables *t, Py_UCS4 c)
{
    return c < 0x10000 ? t->flat[c] : make_entry(t, c);
}

/* A one-to-one run, joined to the run before when that one is one-to-one and ends where it starts. */
static inline int push_exact(Runs *runs, Py_ssize_t view, Py_ssize_t raw, Py_ssize_t length)
{
    if (length <= 0)
        return 0;
    if (runs->len) {
        Run *last = &runs->data[runs->len - 1];
        if (last->view_len == last->raw_len && last->raw + last->raw_len == raw) {
            last->view_len += length;
            last->raw_len += length;
            return 0;
        }
    }
    return push_run(runs, view, raw, length, length);
}

/* Room for `need` code points of the view. */
static int reserve(Fused *f, int wide, Py_ssize_t need)
{
    return grow(&f->data, &f->cap, need, wide ? sizeof(Py_UCS4) : sizeof(Py_UCS2));
}

/* fold.clean_view without hamza compositions: folds, deletions and expansions (the invisible and
 * presentation pass), then space runs. A space run is held until the next code point of the view: at the
 * head it goes, alone it stays (a one-to-one code point), longer it becomes one space or newline as a whole
 * run over the raw code points from its first to its last space (deleted ones between included). */
static inline __attribute__((always_inline)) int
clean_fused(const Tables *t, int kind, const void *in, Py_ssize_t n, int wide, Fused *f)
{
    void *out = f->data;
    Py_ssize_t v = 0, seg_raw = 0, seg_view = 0; /* [seg_raw, i) maps one to one onto [seg_view, v) */
    Py_ssize_t pend_start = -1, pend_end = 0, pend_count = 0;
    int pend_newline = 0, changed = 0;
    Py_UCS4 bits = 0;
    Runs *runs = &f->runs;
    for (Py_ssize_t i = 0; i < n;) {
        Py_ssize_t end = n - i > SPECULATIVE ? i + SPECULATIVE : n;
        if (pend_start < 0) {
            /* A block of one-to-one code points without two spaces in a row or a space at the head of the
             * view needs no run: write it as it comes, and run it again below only if it is not one. */
            const uint32_t space = (uint32_t)F_SPACE << FLAGS_SHIFT;
            uint32_t prev = v == 0 || is_space(view_char(wide, out, v - 1)) ? space : 0, seen = 0, adjacent = 0;
#pragma GCC unroll 4
            for (Py_ssize_t k = i; k < end; k++) {
                uint32_t e = entry_at(t, read_char(kind, in, k));
                write_char(wide, out, v + (k - i), e & TARGET_MASK);
                seen |= e; /* the OR of the entries: their flags and, in the low bits, the view's `bits` */
                adjacent |= e & prev;
                prev = e & space;
            }
            uint32_t trouble = adjacent | (seen >> FLAGS_SHIFT & (F_DELETE | F_EXPAND | F_HAMZA_MARK | F_SLOW));
            /* A space that ends the block stays one only before a code point that needs nothing (the loop
             * below looks ahead the same way): it may start a space run of the next block. */
            if (prev && (end == n || entry_at(t, read_char(kind, in, end)) >> FLAGS_SHIFT))
                trouble = 1;
            if (!trouble) {
                v += end - i;
                i = end;
                bits |= seen & TARGET_MASK;
                changed |= (seen >> FLAGS_SHIFT & F_CHANGED) != 0;
                continue;
            }
        }
        for (; i < end; i++) {
            Py_UCS4 c = read_char(kind, in, i);
            uint32_t e = entry_at(t, c), flags = e >> FLAGS_SHIFT;
            if (flags == 0 && pend_start < 0) {
                write_char(wide, out, v++, c);
                bits |= c;
                continue;
            }
            if (flags & F_FOLD) {
                c = e & TARGET_MASK;
                changed = 1;
            }
            else if (flags & (F_HAMZA_MARK | F_SLOW)) {
                return FUSED_GIVE_UP;
            }
            else if (flags & F_DELETE) {
                if (push_exact(runs, seg_view, seg_raw, i - seg_raw) < 0)
                    return FUSED_ERROR;
                seg_raw = i + 1;
                seg_view = v;
                changed = 1;
                continue;
            }
            if (flags & F_SPACE) {
                if (pend_start < 0 && v > 0 && i + 1 < n && entry_at(t, read_char(kind, in, i + 1)) >> FLAGS_SHIFT == 0) {
                    write_char(wide, out, v++, c); /* one space between two code points of the view */
                    bits |= c;
                    continue;
                }
                if (pend_start < 0) {
                    if (push_exact(runs, seg_view, seg_raw, i - seg_raw) < 0)
                        return FUSED_ERROR;
                    pend_start = i;
                    pend_count = 0;
                    pend_newline = 0;
                }
                pend_count++;
                pend_newline |= c == '\n';
                pend_end = i + 1;
                seg_raw = i + 1;
                seg_view = v;
                continue;
            }
            if (pend_start >= 0) { /* a code point of the view ends the space run before it */
                if (v == 0) {
                    changed = 1;
                }
                else if (pend_count == 1) {
                    Py_UCS4 space = entry_at(t, read_char(kind, in, pend_start)) & TARGET_MASK;
                    if (push_exact(runs, v, pend_start, 1) < 0)
                        return FUSED_ERROR;
                    write_char(wide, out, v++, space);
                    bits |= space;
                }
                else {
                    Py_UCS4 space = pend_newline ? '\n' : ' ';
                    if (push_run(runs, v, pend_start, 1, pend_end - pend_start) < 0)
                        return FUSED_ERROR;
                    write_char(wide, out, v++, space);
                    bits |= space;
                    changed = 1;
                }
                pend_start = -1;
                seg_raw = i;
                seg_view = v;
            }
            if (flags & F_EXPAND) {
                Py_ssize_t length;
                const Py_UCS4 *replacement = expansion_of(t, lookup(t, c)->expansion, &length);
                if (length != 1) {
                    if (push_exact(runs, seg_view, seg_raw, i - seg_raw) < 0)
                        return FUSED_ERROR;
                    if (length && push_run(runs, v, i, length, 1) < 0)
                        return FUSED_ERROR;
                }
                if (reserve(f, wide, v + length + (n - i - 1) + SPECULATIVE) < 0)
                    return FUSED_ERROR;
                out = f->data;
                for (Py_ssize_t k = 0; k < length; k++) {
                    write_char(wide, out, v++, replacement[k]);
                    bits |= replacement[k];
                }
                changed = 1;
                if (length != 1) {
                    seg_raw = i + 1;
                    seg_view = v;
                }
                continue;
            }
            write_char(wide, out, v++, c);
            bits |= c;
        }
    }
    changed |= pend_start >= 0; /* the space run at the tail goes */
    if (push_exact(runs, seg_view, seg_raw, n - seg_raw) < 0)
        return FUSED_ERROR;
    f->len = v;
    f->bits = bits;
    f->changed = changed;
    return FUSED_OK;
}

/* fold.space_edits and the pass that applies them (apply_edits, compose), in place on the view of a fused
 * scan: the match view's second space pass. Only spaces go, so `bits` still gives the view's str kind. */
static int fused_spaces(Fused *f, int wide)
{
    void *d = f->data;
    Py_ssize_t n = f->len, head = 0, tail = n, w = 0, seg_start, seg_view = 0;
    Runs outer = {0}, composed = {0};
    int status = FUSED_ERROR;
    while (head < n && is_space(view_char(wide, d, head)))
        head++;
    while (tail > head && is_space(view_char(wide, d, tail - 1)))
        tail--;
    seg_start = head;
    for (Py_ssize_t i = head; i < tail;) {
        Py_UCS4 c = view_char(wide, d, i);
        if (!is_space(c) || i + 1 == tail || !is_space(view_char(wide, d, i + 1))) {
            write_char(wide, d, w++, c);
            i++;
            continue;
        }
        Py_ssize_t end = i;
        int newline = 0;
        while (end < tail && is_space(view_char(wide, d, end)))
            newline |= view_char(wide, d, end++) == '\n';
        if (i > seg_start && push_run(&outer, seg_view, seg_start, i - seg_start, i - seg_start) < 0)
            goto done;
        if (push_run(&outer, w, i, 1, end - i) < 0)
            goto done;
        write_char(wide, d, w++, newline ? '\n' : ' ');
        seg_start = i = end;
        seg_view = w;
    }
    if (tail > seg_start && push_run(&outer, seg_view, seg_start, tail - seg_start, tail - seg_start) < 0)
        goto done;
    f->len = w;
    if (is_identity(&f->runs)) {
        swap_runs(&f->runs, &outer);
    }
    else {
        int tiled = compose(&outer, &f->runs, &composed);
        if (tiled == NOT_TILED)
            PyErr_SetString(PyExc_SystemError, "_cviews: runs do not tile the text");
        if (tiled < 0)
            goto done;
        swap_runs(&f->runs, &composed);
    }
    status = FUSED_OK;
done:
    PyMem_Free(outer.data);
    PyMem_Free(composed.data);
    return status;
}

/* fold.match_view: folds, then each maximal run of deletions attached to the code point before it
 * (offsets.attached_deletion); the space pass, when it has to run, is left to the passes. */
static inline __attribute__((always_inline)) int
match_fused(const Tables *t, int kind, const void *in, Py_ssize_t n, int wide, Fused *f)
{
    if (t->expansion_count) /* the match passes ignore expansions; the flat entries fold or delete some */
        return FUSED_GIVE_UP;
    void *out = f->data;
    Py_ssize_t v = 0, consumed = 0, seg_view = 0, deleted = 0;
    int unsettled = 0, changed = 0;
    Py_UCS4 bits = 0;
    Runs *runs = &f->runs;
    for (Py_ssize_t i = 0; i < n;) {
        Py_ssize_t end = n - i > SPECULATIVE ? i + SPECULATIVE : n;
        uint32_t seen = 0;
#pragma GCC unroll 4
        for (Py_ssize_t k = i; k < end; k++) { /* as in clean_fused: a block without deletions */
            uint32_t e = entry_at(t, read_char(kind, in, k));
            write_char(wide, out, v + (k - i), e & TARGET_MASK);
            seen |= e;
        }
        if (!(seen & (uint32_t)F_DELETE << FLAGS_SHIFT)) {
            v += end - i;
            i = end;
            bits |= seen & TARGET_MASK;
            changed |= (seen >> FLAGS_SHIFT & F_CHANGED) != 0;
            continue;
        }
        while (i < end) {
            Py_UCS4 c = read_char(kind, in, i);
            uint32_t e = entry_at(t, c);
            if (!(e & (uint32_t)F_DELETE << FLAGS_SHIFT)) {
                Py_UCS4 target = e & TARGET_MASK;
                write_char(wide, out, v++, target);
                bits |= target;
                changed |= target != c;
                i++;
                continue;
            }
            Py_ssize_t start = i++;
            while (i < n && (entry_at(t, read_char(kind, in, i)) & (uint32_t)F_DELETE << FLAGS_SHIFT))
                i++;
            deleted += i - start;
            if (start) {
                unsettled |= is_space(view_char(wide, out, v - 1));
                if (start - 1 > consumed &&
                    push_run(runs, seg_view, consumed, start - 1 - consumed, start - 1 - consumed) < 0)
                    return FUSED_ERROR;
                if (push_run(runs, v - 1, start - 1, 1, i - start + 1) < 0)
                    return FUSED_ERROR;
            }
            else {
                unsettled = 1;
            }
            consumed = i;
            seg_view = v;
        }
    }
    if (consumed < n && push_run(runs, seg_view, consumed, n - consumed, n - consumed) < 0)
        return FUSED_ERROR;
    f->len = v;
    f->bits = bits;
    f->changed = changed || deleted;
    if (t->spaces && (unsettled || deleted > FEW_DELETIONS)) {
        for (Py_ssize_t k = 0; k < v; k++) {
            if (is_space(view_char(wide, out, k)) &&
                (k == 0 || k == v - 1 || is_space(view_char(wide, out, k - 1))))
                return fused_spaces(f, wide);
        }
    }
    return FUSED_OK;
}

typedef int (*FusedView)(const Tables *t, int kind, const void *in, Py_ssize_t n, int wide, Fused *f);

#define FUSED_KINDS(view)                                                                                  \
    static int view##_1_2(const Tables *t, int kind, const void *in, Py_ssize_t n, int wide, Fused *f)    \
    {                                                                                                    \
        return view(t, PyUnicode_1BYTE_KIND, in, n, 0, f);                                               \
    }                                                                                                    \
    static int view##_2_2(const Tables *t, int kind, const void *in, Py_ssize_t n, int wide, Fused *f)    \
    {                                                                                                    \
        return view(t, PyUnicode_2BYTE_KIND, in, n, 0, f);                                               \
    }                                                                                                    \
    static int view##_any_4(const Tables *t, int kind, const void *in, Py_ssize_t n, int wide, Fused *f)  \
    {                                                                                                    \
        return view(t, kind, in, n, 1, f);                                                               \
    }                                                                                                    \
    static const FusedView view##_kinds[3] = {view##_1_2, view##_2_2, view##_any_4};

FUSED_KINDS(clean_fused)
FUSED_KINDS(match_fused)

/* The str of the view: the narrowest kind that holds it (`bits` says which), as every str must be. */
static PyObject *view_str(const Fused *f, int wide)
{
    PyObject *str = PyUnicode_New(f->len, f->bits > MAX_CODE ? MAX_CODE : f->bits);
    if (str == NULL)
        return NULL;
    int kind = PyUnicode_KIND(str);
    void *data = PyUnicode_DATA(str);
    if (kind == (wide ? PyUnicode_4BYTE_KIND : PyUnicode_2BYTE_KIND)) {
        memcpy(data, f->data, (size_t)f->len * kind);
    }
    else if (wide) {
        const Py_UCS4 *from = f->data;
        for (Py_ssize_t i = 0; i < f->len; i++)
            PyUnicode_WRITE(kind, data, i, from[i]);
    }
    else {
        const Py_UCS2 *from = f->data;
        Py_UCS1 *to = data;
        for (Py_ssize_t i = 0; i < f->len; i++)
            to[i] = (Py_UCS1)from[i];
    }
    return str;
}

/* The fused scan of `input`: 0 with `*pair` set, FUSED_GIVE_UP, or -1 with an exception. */
static int fused_view(PyObject *input, const Tables *t, const FusedView *kinds, PyObject **pair)
{
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(input) < 0)
        return FUSED_ERROR;
#endif
    int kind = PyUnicode_KIND(input);
    Py_ssize_t n = PyUnicode_GET_LENGTH(input);
    int wide = kind == PyUnicode_4BYTE_KIND || t->max_produced > 0xFFFF;
    Fused f = {0};
    int status = reserve(&f, wide, n + SPECULATIVE);
    if (status == 0)
        status = kinds[wide ? 2 : kind - 1](t, kind, PyUnicode_DATA(input), n, wide, &f);
    if (status == FUSED_OK) {
        *pair = view_pair(f.changed ? view_str(&f, wide) : Py_NewRef(input), &f.runs);
        status = *pair == NULL ? FUSED_ERROR : FUSED_OK;
    }
    PyMem_Free(f.data);
    PyMem_Free(f.runs.data);
    return status;
}

typedef int (*Passes)(const Tables *t, Work *w, int *changed);

/* A view's Python entry point: parse (text, tables), run its passes, return (text, runs). */
static PyObject *run_view(PyObject *const *args, Py_ssize_t nargs, const FusedView *fused, Passes passes)
{
    PyObject *input;
    const Tables *t;
    if (parse_view_args(args, nargs, &input, &t) < 0)
        return NULL;
    PyObject *pair = NULL;
    int status = fused_view(input, t, fused, &pair);
    if (status != FUSED_GIVE_UP)
        return pair;
    Work w;
    int changed = 0;
    if (start_work(&w, input) == 0 && passes(t, &w, &changed) == 0)
        pair = result(&w, input, changed);
    work_free(&w);
    return pair;
}

static PyObject *clean_view(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return run_view(args, nargs, clean_fused_kinds, clean_passes);
}

static PyObject *match_view(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return run_view(args, nargs, match_fused_kinds, match_passes);
}

/* The largest offset `compose` reads from a list (larger ones go to the Python function). */
#define MAX_OFFSET ((Py_ssize_t)1 << 60)

/* An int in [0, MAX_OFFSET] into `*out`; 1 for anything else. Offsets are small ints: those are read from
 * the int object directly (PyLong_AsLongLongAndOverflow was a third of compose's time). */
static inline int read_offset(PyObject *value, Py_ssize_t *out)
{
    if (!PyLong_CheckExact(value))
        return 1;
#if PY_VERSION_HEX < 0x030C0000
    Py_ssize_t size = Py_SIZE(value);
    if (size == 0 || size == 1) {
        *out = size ? (Py_ssize_t)((PyLongObject *)value)->ob_digit[0] : 0;
        return 0;
    }
#else
    if (PyUnstable_Long_IsCompact((PyLongObject *)value)) {
        Py_ssize_t compact = PyUnstable_Long_CompactValue((PyLongObject *)value);
        *out = compact;
        return compact < 0;
    }
#endif
    int overflow;
    long long v = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (overflow || v < 0 || v > MAX_OFFSET)
        return 1;
    *out = (Py_ssize_t)v;
    return 0;
}

/* The runs of a RunArray (borrowed: `cap` stays -1) or of a list of 4-tuples of ints in [0, MAX_OFFSET]
 * (copied); 1 for anything else, -1 with an exception. `runs_release` frees what this took. */
static int read_runs(PyObject *obj, Runs *runs)
{
    if (RUN_ARRAY_CHECK(obj)) {
        runs->data = ((RunArray *)obj)->runs;
        runs->len = Py_SIZE(obj);
        runs->cap = -1;
        return 0;
    }
    if (!PyList_Check(obj))
        return 1;
    Py_ssize_t n = PyList_GET_SIZE(obj);
    if (grow((void **)&runs->data, &runs->cap, n, sizeof(Run)) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(obj, i);
        if (!PyTuple_CheckExact(item) || PyTuple_GET_SIZE(item) != 4)
            return 1;
        Py_ssize_t values[4];
        for (int k = 0; k < 4; k++)
            if (read_offset(PyTuple_GET_ITEM(item, k), &values[k]))
                return 1;
        runs->data[i] = (Run){values[0], values[1], values[2], values[3]};
    }
    runs->len = n;
    return 0;
}

static void runs_release(PyObject *obj, Runs *runs)
{
    if (runs->cap >= 0)
        PyMem_Free(runs->data);
    runs->data = NULL;
    runs->len = runs->cap = 0;
}

/* offsets.compose(outer, inner) as a RunArray (`outer` itself when `inner` is the identity); None for runs
 * it does not take (neither RunArrays nor lists of 4-tuples of small ints, or not tiling), which the
 * caller hands to the Python function. */
static PyObject *compose_runs(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "expected (outer, inner)");
        return NULL;
    }
    Runs outer = {0}, inner = {0}, composed = {0};
    PyObject *answer = NULL;
    int status = read_runs(args[1], &inner);
    if (status == 0 && is_identity(&inner)) {
        answer = Py_NewRef(args[0]);
        goto done;
    }
    if (status == 0)
        status = read_runs(args[0], &outer);
    if (status == 0)
        status = compose(&outer, &inner, &composed);
    if (status == 0)
        answer = run_array(composed.data, composed.len);
    else if (status != -1)
        answer = Py_NewRef(Py_None);
done:
    runs_release(args[0], &outer);
    runs_release(args[1], &inner);
    PyMem_Free(composed.data);
    return answer;
}

/* offsets.columns(runs): the runs as four lists of ints (view starts, raw starts, view lengths, raw
 * lengths), no tuple per run; None for runs it does not take (as `compose`). Called once per map, and
 * marked cold to keep it out of the views' text: laid out among them it moved their loops and cost
 * match_view about 10% on news (same code, other addresses; 3% as cold). */
__attribute__((cold)) static PyObject *run_columns(PyObject *module, PyObject *runs_obj)
{
    Runs runs = {0};
    int status = read_runs(runs_obj, &runs);
    if (status != 0) {
        runs_release(runs_obj, &runs);
        return status < 0 ? NULL : Py_NewRef(Py_None);
    }
    PyObject *lists[4] = {NULL, NULL, NULL, NULL};
    PyObject *answer = NULL;
    for (int k = 0; k < 4; k++)
        if ((lists[k] = PyList_New(runs.len)) == NULL)
            goto done;
    for (Py_ssize_t i = 0; i < runs.len; i++) {
        const Run *r = &runs.data[i];
        Py_ssize_t values[4] = {r->view, r->raw, r->view_len, r->raw_len};
        for (int k = 0; k < 4; k++) {
            PyObject *value = offset_int(values[k]);
            if (value == NULL)
                goto done;
            PyList_SET_ITEM(lists[k], i, value);
        }
    }
    answer = PyTuple_Pack(4, lists[0], lists[1], lists[2], lists[3]);
done:
    for (int k = 0; k < 4; k++)
        Py_XDECREF(lists[k]);
    runs_release(runs_obj, &runs);
    return answer;
}

/* ---- the tables ------------------------------------------------------------------------------------- */

static void tables_dealloc(Tables *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyMem_Free(self->entries);
    PyMem_Free(self->pool);
    PyMem_Free(self->expansion_start);
    PyMem_Free(self->compositions);
    PyMem_Free(self->flat);
    type->tp_free((PyObject *)self);
    Py_DECREF(type);
}

static int read_expansions(Tables *self, PyObject *expansions)
{
    PyObject *seq = PySequence_Fast(expansions, "expansions must be a sequence of str");
    if (seq == NULL)
        return -1;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq), total = 0;
    int status = -1;
    self->expansion_start = PyMem_Calloc((size_t)count + 1, sizeof(Py_ssize_t));
    if (self->expansion_start == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "expansions must be a sequence of str");
            goto done;
        }
        total += PyUnicode_GET_LENGTH(item);
        self->expansion_start[i + 1] = total;
    }
    self->pool = PyMem_Calloc((size_t)total + 1, sizeof(Py_UCS4));
    if (self->pool == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        Py_ssize_t len = PyUnicode_GET_LENGTH(item);
        if (len && PyUnicode_AsUCS4(item, self->pool + self->expansion_start[i], len, 0) == NULL)
            goto done;
    }
    self->expansion_count = count;
    status = 0;
done:
    Py_DECREF(seq);
    return status;
}

static int read_code(PyObject *value, Py_ssize_t limit, Py_ssize_t *out)
{
    *out = PyLong_AsSsize_t(value);
    if (*out == -1 && PyErr_Occurred())
        return -1;
    if (*out < 0 || *out > limit) {
        PyErr_Format(PyExc_ValueError, "value %zd out of range [0, %zd]", *out, limit);
        return -1;
    }
    return 0;
}

/* Each item a tuple of `width` ints, each within its limit. */
static int read_row(PyObject *item, int width, const Py_ssize_t *limits, Py_ssize_t *values)
{
    if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != width) {
        PyErr_Format(PyExc_TypeError, "expected a tuple of %d ints", width);
        return -1;
    }
    for (int k = 0; k < width; k++)
        if (read_code(PyTuple_GET_ITEM(item, k), limits[k], &values[k]) < 0)
            return -1;
    return 0;
}

static int read_entries(Tables *self, PyObject *entries)
{
    PyObject *seq = PySequence_Fast(entries, "entries must be a sequence of (code, flags, fold, expansion)");
    if (seq == NULL)
        return -1;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    Py_ssize_t limits[4] = {MAX_CODE, F_ALL, MAX_CODE, self->expansion_count ? self->expansion_count - 1 : 0};
    Py_ssize_t values[4];
    Py_ssize_t blocks = 1;
    int status = -1;
    for (Py_ssize_t i = 0; i < count; i++) {
        if (read_row(PySequence_Fast_GET_ITEM(seq, i), 4, limits, values) < 0)
            goto done;
        if ((values[1] & F_EXPAND) && !self->expansion_count) {
            PyErr_SetString(PyExc_ValueError, "an expansion without expansions");
            goto done;
        }
        /* The passes edit only past a gate; the fused scans rely on every edited code point being one. */
        if ((values[1] & (F_DELETE | F_EXPAND | F_HAMZA_MARK)) && !(values[1] & (F_GATE | F_FOLD))) {
            PyErr_SetString(PyExc_ValueError, "an edit that is neither a gate nor a fold");
            goto done;
        }
        uint16_t *block = &self->block_of[values[0] >> BLOCK_BITS];
        if (!*block)
            *block = (uint16_t)blocks++;
    }
    self->entries = PyMem_Calloc((size_t)blocks * BLOCK_SIZE, sizeof(Entry));
    if (self->entries == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        read_row(PySequence_Fast_GET_ITEM(seq, i), 4, limits, values); /* checked above */
        Entry *e = &self->entries[((size_t)self->block_of[values[0] >> BLOCK_BITS] << BLOCK_BITS) |
                                  (values[0] & (BLOCK_SIZE - 1))];
        *e = (Entry){(Py_UCS4)values[2], (uint32_t)values[3], (uint8_t)values[1]};
    }
    status = 0;
done:
    Py_DECREF(seq);
    return status;
}

static int read_compositions(Tables *self, PyObject *compositions)
{
    PyObject *seq = PySequence_Fast(compositions, "compositions must be a sequence of (base, mark, expansion)");
    if (seq == NULL)
        return -1;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    Py_ssize_t limits[3] = {MAX_CODE, MAX_CODE, self->expansion_count ? self->expansion_count - 1 : 0};
    Py_ssize_t values[3];
    int status = -1;
    if (count && !self->expansion_count) {
        PyErr_SetString(PyExc_ValueError, "compositions without expansions");
        goto done;
    }
    self->compositions = PyMem_Calloc((size_t)count + 1, sizeof(Composition));
    if (self->compositions == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        if (read_row(PySequence_Fast_GET_ITEM(seq, i), 3, limits, values) < 0)
            goto done;
        self->compositions[i] = (Composition){(Py_UCS4)values[0], (Py_UCS4)values[1], (uint32_t)values[2]};
    }
    self->composition_count = count;
    status = 0;
done:
    Py_DECREF(seq);
    return status;
}

/* The flat entries of the fused scans and the highest code point the views write. */
static int flat_entries(Tables *self)
{
    self->flat = PyMem_Malloc(0x10000 * sizeof(uint32_t));
    if (self->flat == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_UCS4 c = 0; c < 0x10000; c++)
        self->flat[c] = make_entry(self, c);
    for (Py_ssize_t k = 0; k < self->expansion_start[self->expansion_count]; k++)
        if (self->pool[k] > self->max_produced)
            self->max_produced = self->pool[k];
    for (Py_UCS4 c = 0; c <= MAX_CODE; c++) {
        if (!self->block_of[c >> BLOCK_BITS])
            c |= BLOCK_SIZE - 1;
        else if (lookup(self, c)->flags & F_FOLD && lookup(self, c)->fold > self->max_produced)
            self->max_produced = lookup(self, c)->fold;
    }
    return 0;
}

static PyObject *make_tables(PyObject *module, PyObject *args)
{
    PyObject *entries, *expansions, *compositions;
    int spaces;
    if (!PyArg_ParseTuple(args, "OOOp:tables", &entries, &expansions, &compositions, &spaces))
        return NULL;
    Tables *self = PyObject_New(Tables, TablesType);
    if (self == NULL)
        return NULL;
    memset((char *)self + sizeof(PyObject), 0, sizeof(Tables) - sizeof(PyObject));
    self->spaces = spaces;
    if (read_expansions(self, expansions) < 0 || read_entries(self, entries) < 0 ||
        read_compositions(self, compositions) < 0 || flat_entries(self) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static PyType_Slot tables_slots[] = {
    {Py_tp_dealloc, tables_dealloc},
    {Py_tp_doc, "Lookup structure of one view for one FoldOptions (built by cviews.py)."},
    {0, NULL},
};

static PyType_Spec tables_spec = {
    .name = "services.arabic._cviews.Tables",
    .basicsize = sizeof(Tables),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = tables_slots,
};

static PyMethodDef methods[] = {
    {"tables", make_tables, METH_VARARGS,
     "tables(entries, expansions, compositions, spaces): entries are (code, flags, fold, expansion)."},
    {"clean_view", (PyCFunction)(void (*)(void))clean_view, METH_FASTCALL, "clean_view(text, tables)"},
    {"match_view", (PyCFunction)(void (*)(void))match_view, METH_FASTCALL, "match_view(text, tables)"},
    {"compose", (PyCFunction)(void (*)(void))compose_runs, METH_FASTCALL, "compose(outer, inner), or None"},
    {"columns", run_columns, METH_O, "columns(runs): four lists (view and raw starts and lengths), or None"},
    {NULL, NULL, 0, NULL},
};

static int module_exec(PyObject *module)
{
    if (TablesType == NULL) {
        TablesType = (PyTypeObject *)PyType_FromSpec(&tables_spec);
        if (TablesType == NULL)
            return -1;
    }
    if (RunArrayType == NULL) {
        RunArrayType = (PyTypeObject *)PyType_FromSpec(&run_array_spec);
        if (RunArrayType == NULL)
            return -1;
    }
    if (PyModule_AddObjectRef(module, "RunArray", (PyObject *)RunArrayType) < 0)
        return -1;
    return PyModule_AddObjectRef(module, "Tables", (PyObject *)TablesType);
}

static PyModuleDef_Slot module_slots[] = {
    {Py_mod_exec, module_exec},
    {0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_cviews",
    .m_doc = "The clean and match views in C (see services/arabic/cviews.py).",
    .m_size = 0,
    .m_methods = methods,
    .m_slots = module_slots,
};

PyMODINIT_FUNC PyInit__cviews(void) { return PyModuleDef_Init(&module_def); }
