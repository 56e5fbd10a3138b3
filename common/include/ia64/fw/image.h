/* SPDX-License-Identifier: MIT */
/*
 * A host buffer standing for a window of guest physical memory, plus
 * little-endian store helpers.  Firmware table builders (common/fw/)
 * write into such a window so the emulator and the hypervisor can both
 * build the same tables and then copy them into their guest's RAM.
 */
#ifndef IA64_FW_IMAGE_H
#define IA64_FW_IMAGE_H

#include <stddef.h>
#include <stdint.h>

struct fw_image {
	uint8_t *buf;		/* host copy of [base, base + size) */
	uint64_t base;		/* guest physical address of buf[0] */
	uint64_t size;
};

/* Host pointer for [pa, pa + len), or NULL when it leaves the window. */
static inline uint8_t *fw_ptr(const struct fw_image *im, uint64_t pa, uint64_t len)
{
	if (pa < im->base || len > im->size || pa - im->base > im->size - len)
		return NULL;
	return im->buf + (pa - im->base);
}

static inline void fw_put8(uint8_t *p, uint8_t v) { p[0] = v; }
static inline void fw_put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static inline void fw_put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}
static inline void fw_put64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}
static inline uint16_t fw_get16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static inline uint32_t fw_get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline uint64_t fw_get64(const uint8_t *p)
{
	return (uint64_t)fw_get32(p) | (uint64_t)fw_get32(p + 4) << 32;
}

/* Byte that makes the 8-bit sum of p[0..len) zero once stored at p[at]. */
static inline uint8_t fw_checksum(const uint8_t *p, size_t len, size_t at)
{
	uint8_t s = 0;

	for (size_t i = 0; i < len; i++)
		if (i != at)
			s = (uint8_t)(s + p[i]);
	return (uint8_t)-s;
}

#endif
