/* The per-character and per-object pdfium calls of extractors/pdfium_chars.py and
 * pdfium_paths.py, made in C loops.
 *
 * A page has about 1,700 characters and each needs three pdfium calls (its text object,
 * origin and loose box); its text objects, paths and path segments a few more each. Made from Python, through ctypes, each call costs far more than
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

/* The painted paths of extractors/pdfium_paths.py, read the same way. */

typedef void *(*page_object_fn)(void *page, int index);
typedef int (*draw_mode_fn)(void *path, int *fill_mode, int *stroke);
typedef int (*width_fn)(void *object, float *width);
typedef int (*colour_fn)(void *object, unsigned int *r, unsigned int *g, unsigned int *b,
                         unsigned int *a);
typedef int (*object_matrix_fn)(void *object, float *matrix);
typedef void *(*segment_fn)(void *path, int index);
typedef int (*point_fn)(void *segment, float *x, float *y);

/* The page's count top-level objects into objects[i], each one's type into kinds[i]. */
void page_objects(void *page, int64_t count, void *get_object, void *get_type,
                  uint64_t *objects, int32_t *kinds)
{
    page_object_fn object = (page_object_fn)get_object;
    count_fn kind = (count_fn)get_type;
    for (int64_t i = 0; i < count; i++) {
        void *found = object(page, (int)i);
        objects[i] = (uint64_t)(uintptr_t)found;
        kinds[i] = kind(found);
    }
}

/* Each of the m paths' fill mode and stroke flag into modes[2i], modes[2i+1]. */
void path_draw_modes(const uint64_t *paths, int64_t m, void *get_draw_mode, int32_t *modes)
{
    draw_mode_fn draw_mode = (draw_mode_fn)get_draw_mode;
    for (int64_t i = 0; i < m; i++)
        draw_mode((void *)(uintptr_t)paths[i], modes + 2 * i, modes + 2 * i + 1);
}

/* Each of the n paths' stroke width into widths[i], and stroke and fill colours into
 * strokes[4i..] and fills[4i..] (whether pdfium gave them into stroked[i], filled[i]). */
void path_paint(const uint64_t *paths, int64_t n, void *get_width, void *get_stroke_colour,
                void *get_fill_colour, float *widths, unsigned int *strokes, int32_t *stroked,
                unsigned int *fills, int32_t *filled)
{
    width_fn width = (width_fn)get_width;
    colour_fn stroke_colour = (colour_fn)get_stroke_colour;
    colour_fn fill_colour = (colour_fn)get_fill_colour;
    for (int64_t i = 0; i < n; i++) {
        void *path = (void *)(uintptr_t)paths[i];
        width(path, widths + i);
        unsigned int *s = strokes + 4 * i, *f = fills + 4 * i;
        stroked[i] = stroke_colour(path, s, s + 1, s + 2, s + 3);
        filled[i] = fill_colour(path, f, f + 1, f + 2, f + 3);
    }
}

/* Each of the n objects' matrix into matrices[6i..6i+5]. */
void object_matrices(const uint64_t *objects, int64_t n, void *get_matrix, float *matrices)
{
    object_matrix_fn matrix = (object_matrix_fn)get_matrix;
    for (int64_t i = 0; i < n; i++)
        matrix((void *)(uintptr_t)objects[i], matrices + 6 * i);
}

/* Each of the n paths' segment count into counts[i] (pdfium's -1 where it cannot tell). */
void path_segment_counts(const uint64_t *paths, int64_t n, void *count_segments,
                         int32_t *counts)
{
    count_fn count = (count_fn)count_segments;
    for (int64_t i = 0; i < n; i++)
        counts[i] = count((void *)(uintptr_t)paths[i]);
}

/* Every segment of the n paths, in order (counts[i] of path i, none where negative): its
 * point into xy[2k], xy[2k+1], its type into types[k] and close flag into closes[k]; a
 * segment pdfium cannot give is NULL, for which pdfium reports no point, an unknown type
 * and no close. */
void path_segments(const uint64_t *paths, const int32_t *counts, int64_t n, void *get_segment,
                   void *get_point, void *get_type, void *get_close, float *xy,
                   int32_t *types, int32_t *closes)
{
    segment_fn segment = (segment_fn)get_segment;
    point_fn point = (point_fn)get_point;
    count_fn type = (count_fn)get_type;
    count_fn close = (count_fn)get_close;
    int64_t k = 0;
    for (int64_t i = 0; i < n; i++) {
        void *path = (void *)(uintptr_t)paths[i];
        for (int j = 0; j < counts[i]; j++, k++) {
            void *found = segment(path, j);
            point(found, xy + 2 * k, xy + 2 * k + 1);
            types[k] = type(found);
            closes[k] = close(found);
        }
    }
}

typedef int (*generated_fn)(void *text_page, int index);
typedef int (*glyph_width_fn)(void *font, uint32_t glyph, float font_size, float *width);

/* Whether each of the n characters at indices is one pdfium generated (1), not (0), or
 * unknown (-1), into generated[i]. */
void chars_generated(void *text_page, const int64_t *indices, int64_t n, void *is_generated,
                     int32_t *generated)
{
    generated_fn generated_at = (generated_fn)is_generated;
    for (int64_t i = 0; i < n; i++)
        generated[i] = generated_at(text_page, (int)indices[i]);
}

/* Each of the n glyphs' advance in font fonts[i] at size sizes[i] for Unicode codes[i] into
 * widths[i], and whether pdfium gave it into given[i]. */
void glyph_widths(const uint64_t *fonts, const uint32_t *codes, const float *sizes, int64_t n,
                  void *get_glyph_width, float *widths, int32_t *given)
{
    glyph_width_fn glyph_width = (glyph_width_fn)get_glyph_width;
    for (int64_t i = 0; i < n; i++)
        given[i] = glyph_width((void *)(uintptr_t)fonts[i], codes[i], sizes[i], widths + i);
}
