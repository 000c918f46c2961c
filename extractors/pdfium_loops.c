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

typedef int (*matrix_fn)(void *text_page, int index, float *matrix);
typedef int (*fill_colour_fn)(void *text_page, int index, unsigned int *r, unsigned int *g,
                              unsigned int *b, unsigned int *a);
typedef double (*font_size_fn)(void *text_page, int index);
typedef void *(*handle_fn)(void *handle);
typedef int (*count_fn)(void *handle);

/* What m text objects' characters share, each read through one character of it
 * (indices[i]) and the object's handle (objects[i], 0 for none): the text matrix into
 * matrices[6i..6i+5], the fill colour into colours[4i..4i+3] and whether pdfium gave it
 * into coloured[i], the font size into sizes[i]; for an object, its font handle into
 * fonts[i], its clip path into clips[i] and the clip's path count into clip_paths[i]
 * (left as the caller set them, zeros, where there is no object or clip). */
void text_object_properties(void *text_page, const int64_t *indices, const uint64_t *objects,
                            int64_t m, void *get_matrix, void *get_fill_colour,
                            void *get_font_size, void *get_font, void *get_clip_path,
                            void *count_clip_paths, float *matrices, unsigned int *colours,
                            int32_t *coloured, double *sizes, uint64_t *fonts,
                            uint64_t *clips, int32_t *clip_paths)
{
    matrix_fn matrix = (matrix_fn)get_matrix;
    fill_colour_fn fill_colour = (fill_colour_fn)get_fill_colour;
    font_size_fn font_size = (font_size_fn)get_font_size;
    handle_fn font = (handle_fn)get_font;
    handle_fn clip_path = (handle_fn)get_clip_path;
    count_fn count_paths = (count_fn)count_clip_paths;
    for (int64_t i = 0; i < m; i++) {
        int index = (int)indices[i];
        matrix(text_page, index, matrices + 6 * i);
        unsigned int *rgba = colours + 4 * i;
        coloured[i] = fill_colour(text_page, index, rgba, rgba + 1, rgba + 2, rgba + 3);
        sizes[i] = font_size(text_page, index);
        void *object = (void *)(uintptr_t)objects[i];
        if (object) {
            fonts[i] = (uint64_t)(uintptr_t)font(object);
            void *clip = clip_path(object);
            clips[i] = (uint64_t)(uintptr_t)clip;
            if (clip)
                clip_paths[i] = count_paths(clip);
        }
    }
}
