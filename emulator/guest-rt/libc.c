/* SPDX-License-Identifier: MIT */
/*
 * guest-rt: a tiny freestanding C runtime for programs run by the
 * emulator's user-mode runner: process start, system calls (write, exit,
 * brk), memory/string functions, a bump allocator and an integer-only
 * printf.  Compiled with the ia64 cross gcc; divisions go to libgcc.
 */
#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

long __rt_syscall(long a0, long a1, long a2, long a3, long a4, long a5, long nr);

enum { SYS_exit = 1025, SYS_write = 1027, SYS_brk = 1060, SYS_exit_group = 1236 };

int main(int argc, char **argv, char **envp);
void __rt_start(long argc, char **argv) __attribute__((noreturn));

void __rt_start(long argc, char **argv)
{
	exit(main((int)argc, argv, argv + argc + 1));
}

ssize_t write(int fd, const void *buf, size_t n)
{
	return __rt_syscall(fd, (long)buf, (long)n, 0, 0, 0, SYS_write);
}

void _exit(int status)
{
	for (;;)
		__rt_syscall(status, 0, 0, 0, 0, 0, SYS_exit_group);
}

void exit(int status)
{
	fflush(stdout);
	_exit(status);
}

void abort(void)
{
	static const char msg[] = "guest-rt: abort()\n";

	fflush(stdout);
	write(2, msg, sizeof(msg) - 1);
	_exit(134);
}

/* ---- memory and strings ------------------------------------------------ */

void *memcpy(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	while (n--)
		*dp++ = *sp++;
	return d;
}

void *memmove(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	if (dp < sp)
		while (n--)
			*dp++ = *sp++;
	else
		while (n--)
			dp[n] = sp[n];
	return d;
}

void *memset(void *d, int c, size_t n)
{
	unsigned char *dp = d;

	while (n--)
		*dp++ = (unsigned char)c;
	return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			return 0;
	}
	return 0;
}

char *strcpy(char *d, const char *s)
{
	char *r = d;

	while ((*d++ = *s++))
		;
	return r;
}

char *strncpy(char *d, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i]; i++)
		d[i] = s[i];
	for (; i < n; i++)
		d[i] = 0;
	return d;
}

char *strcat(char *d, const char *s)
{
	strcpy(d + strlen(d), s);
	return d;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *r = NULL;

	for (;; s++) {
		if (*s == (char)c)
			r = s;
		if (!*s)
			return (char *)r;
	}
}

/* ---- character classes (ASCII) ------------------------------------------- */

int isdigit(int ch) { return ch >= '0' && ch <= '9'; }
int isupper(int ch) { return ch >= 'A' && ch <= 'Z'; }
int islower(int ch) { return ch >= 'a' && ch <= 'z'; }
int isalpha(int ch) { return isupper(ch) || islower(ch); }
int isalnum(int ch) { return isalpha(ch) || isdigit(ch); }
int isspace(int ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); }
int isprint(int ch) { return ch >= 0x20 && ch < 0x7f; }
int isxdigit(int ch) { return isdigit(ch) || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'f'); }
int toupper(int ch) { return islower(ch) ? ch - 32 : ch; }
int tolower(int ch) { return isupper(ch) ? ch + 32 : ch; }

/* ---- numbers ------------------------------------------------------------ */

int abs(int v) { return v < 0 ? -v : v; }
long labs(long v) { return v < 0 ? -v : v; }
long long llabs(long long v) { return v < 0 ? -v : v; }

unsigned long strtoul(const char *s, char **end, int base)
{
	unsigned long v = 0;
	int neg = 0;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	for (;; s++) {
		int d = *s >= '0' && *s <= '9' ? *s - '0' :
			*s >= 'a' && *s <= 'z' ? *s - 'a' + 10 :
			*s >= 'A' && *s <= 'Z' ? *s - 'A' + 10 : 99;

		if (d >= base)
			break;
		v = v * (unsigned long)base + (unsigned long)d;
	}
	if (end)
		*end = (char *)s;
	return neg ? -v : v;
}

long strtol(const char *s, char **end, int base)
{
	return (long)strtoul(s, end, base);
}

int atoi(const char *s) { return (int)strtol(s, NULL, 10); }
long atol(const char *s) { return strtol(s, NULL, 10); }

/* Insertion sort: test programs sort a handful of elements. */
void qsort(void *base, size_t n, size_t sz, int (*cmp)(const void *, const void *))
{
	unsigned char *b = base, tmp[256];
	size_t i, j;

	if (sz > sizeof(tmp))
		abort();
	for (i = 1; i < n; i++) {
		memcpy(tmp, b + i * sz, sz);
		for (j = i; j > 0 && cmp(b + (j - 1) * sz, tmp) > 0; j--)
			memcpy(b + j * sz, b + (j - 1) * sz, sz);
		memcpy(b + j * sz, tmp, sz);
	}
}

/* ---- allocation: bump allocator on brk, sizes kept for realloc ----------- */

static char *heap_cur, *heap_end;

void *malloc(size_t n)
{
	size_t need = (n + 15) & ~(size_t)15;
	char *p;

	if (!heap_cur) {
		heap_cur = (char *)__rt_syscall(0, 0, 0, 0, 0, 0, SYS_brk);
		heap_cur = (char *)(((uintptr_t)heap_cur + 15) & ~(uintptr_t)15);
		heap_end = heap_cur;
	}
	if ((size_t)(heap_end - heap_cur) < need + 16) {
		char *want = heap_cur + need + 16 + (1 << 16);
		char *got = (char *)__rt_syscall((long)want, 0, 0, 0, 0, 0, SYS_brk);

		if (got < want)
			return NULL;
		heap_end = got;
	}
	p = heap_cur + 16;
	*(size_t *)heap_cur = n;
	heap_cur += need + 16;
	return p;
}

void *calloc(size_t a, size_t b)
{
	void *p;

	if (b && a > (size_t)-1 / b)
		return NULL;
	p = malloc(a * b);
	if (p)
		memset(p, 0, a * b);
	return p;
}

void free(void *p)
{
	(void)p;
}

void *realloc(void *p, size_t n)
{
	void *q = malloc(n);
	size_t old;

	if (!p || !q)
		return q;
	old = *(size_t *)((char *)p - 16);
	memcpy(q, p, old < n ? old : n);
	return q;
}

/* ---- printf-lite ----------------------------------------------------------- */

struct guest_rt_file {
	int fd;
	unsigned len;
	char buf[512];
};

static FILE out_file = { 1, 0, { 0 } }, err_file = { 2, 0, { 0 } };
FILE *stdout = &out_file, *stderr = &err_file;

int fflush(FILE *f)
{
	if (f->len)
		write(f->fd, f->buf, f->len);
	f->len = 0;
	return 0;
}

int fputc(int ch, FILE *f)
{
	if (f->len == sizeof(f->buf))
		fflush(f);
	f->buf[f->len++] = (char)ch;
	if (ch == '\n' || f == stderr)
		fflush(f);
	return (unsigned char)ch;
}

int putchar(int ch)
{
	return fputc(ch, stdout);
}

int fputs(const char *s, FILE *f)
{
	while (*s)
		fputc(*s++, f);
	return 0;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	const char *c = p;
	size_t i;

	for (i = 0; i < size * n; i++)
		fputc(c[i], f);
	return n;
}

void __rt_assert_fail(const char *expr, const char *file, int line)
{
	fprintf(stderr, "guest-rt: %s:%d: assertion '%s' failed\n", file, line, expr);
	abort();
}

int puts(const char *s)
{
	fputs(s, stdout);
	return putchar('\n');
}

struct sink {
	char *buf;
	size_t cap, len;
	FILE *f;
};

static void emit(struct sink *k, char ch)
{
	if (k->f)
		fputc(ch, k->f);
	else if (k->len + 1 < k->cap)
		k->buf[k->len] = ch;
	k->len++;
}

static void emit_num(struct sink *k, unsigned long long v, unsigned base, int upper,
		     int neg, int width, int zero, int left)
{
	char tmp[24];
	int n = 0, pad;

	do {
		unsigned d = (unsigned)(v % base);

		tmp[n++] = (char)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
		v /= base;
	} while (v);
	pad = width - n - neg;
	if (!left && !zero)
		for (; pad > 0; pad--)
			emit(k, ' ');
	if (neg)
		emit(k, '-');
	if (!left && zero)
		for (; pad > 0; pad--)
			emit(k, '0');
	while (n)
		emit(k, tmp[--n]);
	if (left)
		for (; pad > 0; pad--)
			emit(k, ' ');
}

/* %f for values whose integer part fits 64 bits; rounds half up. */
static void emit_fixed(struct sink *k, double v, int prec, int width, int left)
{
	char tmp[64];
	int n = 0, i;
	unsigned long long ip;
	double r = 0.5;

	if (v != v) {
		emit(k, 'n'), emit(k, 'a'), emit(k, 'n');
		return;
	}
	if (prec > 18)
		prec = 18;
	for (i = 0; i < prec; i++)
		r /= 10;
	if (v < 0 || (v == 0 && 1 / v < 0)) {
		tmp[n++] = '-';
		v = -v;
	}
	if (v >= 1.8e19) {
		emit(k, 'i'), emit(k, 'n'), emit(k, 'f');
		return;
	}
	v += r;
	ip = (unsigned long long)v;
	v -= (double)ip;
	{
		char d[24];
		int nd = 0;

		do {
			d[nd++] = (char)('0' + ip % 10);
			ip /= 10;
		} while (ip);
		while (nd)
			tmp[n++] = d[--nd];
	}
	if (prec)
		tmp[n++] = '.';
	for (i = 0; i < prec; i++) {
		int dig;

		v *= 10;
		dig = (int)v;
		if (dig > 9)
			dig = 9;
		tmp[n++] = (char)('0' + dig);
		v -= dig;
	}
	for (i = n; !left && i < width; i++)
		emit(k, ' ');
	for (i = 0; i < n; i++)
		emit(k, tmp[i]);
	for (i = n; left && i < width; i++)
		emit(k, ' ');
}

static int format(struct sink *k, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		int width = 0, zero = 0, left = 0, lng = 0, prec = -1, alt = 0, shrt = 0;
		unsigned long long u;
		long long s;

		if (*fmt != '%') {
			emit(k, *fmt);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '0')
				zero = 1;
			else if (*fmt == '-')
				left = 1;
			else if (*fmt == '#')
				alt = 1;
			else if (*fmt != '+' && *fmt != ' ' && *fmt != '#')
				break;
		}
		if (*fmt == '*') {
			width = va_arg(ap, int);
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		if (*fmt == '.') {	/* precision: used by %f only */
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			}
			while (*fmt >= '0' && *fmt <= '9')
				prec = prec * 10 + (*fmt++ - '0');
		}
		for (; *fmt == 'l' || *fmt == 'z' || *fmt == 'h' || *fmt == 'j' || *fmt == 't'; fmt++)
			if (*fmt != 'h')
				lng++;
			else
				shrt++;
		switch (*fmt) {
		case 'd':
		case 'i':
			s = lng ? va_arg(ap, long long) : va_arg(ap, int);
			if (!lng && shrt)
				s = shrt > 1 ? (signed char)s : (short)s;
			emit_num(k, s < 0 ? 0ULL - (unsigned long long)s : (unsigned long long)s,
				 10, 0, s < 0, width, zero, left);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			u = lng ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned int);
			if (!lng && shrt)
				u = shrt > 1 ? (unsigned char)u : (unsigned short)u;
			if (alt && u && *fmt == 'o') {
				emit(k, '0');
				width--;
			} else if (alt && u && (*fmt == 'x' || *fmt == 'X')) {
				emit(k, '0');
				emit(k, *fmt);
				width -= 2;
			}
			emit_num(k, u, *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16, *fmt == 'X', 0,
				 width, zero, left);
			break;
		case 'p':
			emit(k, '0');
			emit(k, 'x');
			emit_num(k, (uintptr_t)va_arg(ap, void *), 16, 0, 0, 0, 0, 0);
			break;
		case 'c':
			emit(k, (char)va_arg(ap, int));
			break;
		case 's': {
			const char *str = va_arg(ap, const char *);
			int len;

			if (!str)
				str = "(null)";
			len = (int)strlen(str);
			for (; !left && width > len; width--)
				emit(k, ' ');
			while (*str)
				emit(k, *str++);
			for (; left && width > len; width--)
				emit(k, ' ');
			break;
		}
		case 'f':
			emit_fixed(k, va_arg(ap, double), prec < 0 ? 6 : prec, width, left);
			break;
		case 'g':
		case 'e':
			/* Exponent forms are not implemented: say so visibly. */
			(void)va_arg(ap, double);
			emit(k, '?');
			break;
		case '%':
			emit(k, '%');
			break;
		default:
			return -1;
		}
	}
	return (int)k->len;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	struct sink k = { NULL, 0, 0, f };

	return format(&k, fmt, ap);
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
	struct sink k = { buf, n, 0, NULL };
	int r = format(&k, fmt, ap);

	if (n)
		buf[k.len < n ? k.len : n - 1] = 0;
	return r;
}

int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, (size_t)-1 / 2, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vprintf(fmt, ap);
	va_end(ap);
	return r;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsprintf(buf, fmt, ap);
	va_end(ap);
	return r;
}

int snprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}
