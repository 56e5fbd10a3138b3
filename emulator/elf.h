/* SPDX-License-Identifier: MIT */
/*
 * Reading IA-64 ELF64 files (elf.c): validation with clear error messages,
 * section and program-header iteration, and symbol lookup, for the
 * disassembler and the user-mode loader.
 */
#ifndef EMU_ELF_H
#define EMU_ELF_H

#include <stddef.h>
#include <stdint.h>

struct elf_file {
	uint8_t *data;		/* whole file */
	size_t size;
	uint64_t entry;
	unsigned phnum, shnum;
	uint64_t phoff, shoff, shstr_off, shstr_size;
	uint64_t sym_off, sym_count, str_off, str_size;	/* .symtab, or 0 */
};

struct elf_section {
	const char *name;
	uint64_t addr, size, flags;
	const uint8_t *data;	/* NULL for SHT_NOBITS */
	unsigned type;
};

struct elf_segment {
	unsigned type, flags;
	uint64_t vaddr, filesz, memsz, align;
	const uint8_t *data;	/* filesz bytes */
};

/* Load and validate; on error fill err and return -1. */
int elf_open(const char *path, struct elf_file *ef, char *err, size_t errlen);
/* Validate an in-memory image (takes ownership of a malloc'd buffer). */
int elf_parse(uint8_t *data, size_t size, struct elf_file *ef, char *err, size_t errlen);
void elf_close(struct elf_file *ef);

int elf_section(const struct elf_file *ef, unsigned i, struct elf_section *s);
int elf_segment(const struct elf_file *ef, unsigned i, struct elf_segment *s);

/* Greatest function/object/notype symbol at or below addr in the same
 * section-less sense objdump uses; NULL if none.  *off = addr - value. */
const char *elf_symbol_at(const struct elf_file *ef, uint64_t addr, uint64_t *off);
/* Symbol table access: entry i (0..sym_count-1); the name is NULL for
 * unnamed or malformed entries; defined = it has a section. */
int elf_symbol(const struct elf_file *ef, uint64_t i, const char **name,
	       uint64_t *value, unsigned *type, int *defined);

/* Value of a named symbol; 0 on success, -1 if absent. */
int elf_lookup(const struct elf_file *ef, const char *name, uint64_t *value);

#endif
