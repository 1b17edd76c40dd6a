#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: one
   fixed-argument wrapper per type of value the tracker clients pass. */
static inline CURLcode aftermath_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode aftermath_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode aftermath_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode aftermath_curl_set_large(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*aftermath_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode aftermath_curl_set_callback(CURL *handle, CURLoption option, aftermath_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

/* The bytes are copied by libcurl (CURL_BLOB_COPY): the caller's buffer need not outlive the call. */
static inline CURLcode aftermath_curl_set_blob(CURL *handle, CURLoption option, const void *bytes, size_t count) {
    struct curl_blob blob = { (void *)bytes, count, CURL_BLOB_COPY };
    return curl_easy_setopt(handle, option, &blob);
}

static inline CURLcode aftermath_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
