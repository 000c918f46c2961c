/* The per-character pdfium calls of extractors/pdfium_chars.py, made in one C loop.
 *
 * A page has about 1,700 characters and each needs three pdfium calls (its text object,
 * origin and loose box). Made from Python, through ctypes, each call costs far more than
 * what pdfium does inside it (a bounds check and a copy); made here, the page's calls cost
 * next to nothing. pdfium's functions are passed in as addresses (those of the library
 * pypdfium2 loaded), so this file links against nothing and calls exactly the functions,
 * with exactly the arguments, that the Python loops call: the results are the same.
 *
 * Loaded with ctypes, not imported: it defines no Python module.
 */
#include <stdint.h>

typedef void *(*text_object_fn)(void *text_page, int index);
typedef int (*origin_fn)(void *text_page, int index, double *x, double *y);
typedef int (*loose_box_fn)(void *text_page, int index, float *rect);

/* For each of the n character indices: its text object's handle (0 for none) into
 * objects[i], its origin into origins[2i], origins[2i+1] and its loose box (left, top,
 * right, bottom) into loose[4i..4i+3]. A call pdfium refuses leaves its slots as the
 * caller set them (zeros). */
void char_positions(void *text_page, const int64_t *indices, int64_t n,
                    void *get_text_object, void *get_origin, void *get_loose_box,
                    uint64_t *objects, double *origins, float *loose)
{
    text_object_fn text_object = (text_object_fn)get_text_object;
    origin_fn origin = (origin_fn)get_origin;
    loose_box_fn loose_box = (loose_box_fn)get_loose_box;
    for (int64_t i = 0; i < n; i++) {
        int index = (int)indices[i];
        objects[i] = (uint64_t)(uintptr_t)text_object(text_page, index);
        origin(text_page, index, origins + 2 * i, origins + 2 * i + 1);
        loose_box(text_page, index, loose + 4 * i);
    }
}
