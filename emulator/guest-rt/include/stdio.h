/* SPDX-License-Identifier: MIT */
/* guest-rt: printf-lite (integers, strings, chars; no floating point). */
#ifndef GUEST_RT_STDIO_H
#define GUEST_RT_STDIO_H
#include <stddef.h>
#include <stdarg.h>
typedef struct guest_rt_file FILE;
extern FILE *stdout, *stderr;
#define EOF (-1)
int printf(const char *, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *, const char *, ...) __attribute__((format(printf, 2, 3)));
int sprintf(char *, const char *, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *, size_t, const char *, ...) __attribute__((format(printf, 3, 4)));
int vprintf(const char *, va_list);
int vfprintf(FILE *, const char *, va_list);
int vsprintf(char *, const char *, va_list);
int vsnprintf(char *, size_t, const char *, va_list);
int puts(const char *);
int putchar(int);
int fputs(const char *, FILE *);
int fputc(int, FILE *);
int fflush(FILE *);
size_t fwrite(const void *, size_t, size_t, FILE *);
#endif
