/* SPDX-License-Identifier: MIT */
/*
 * ELF64 reader for IA-64 images.  Every offset and size taken from the
 * file is bounds-checked before use, so a truncated or corrupt file gives
 * an error message instead of a crash.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf.h"

/*
 * The ELF64 on-disk structures (System V gABI), declared here because our
 * own "elf.h" shadows the C library's <elf.h> on the include path.
 */
typedef struct {
	unsigned char e_ident[16];
	uint16_t e_type, e_machine;
	uint32_t e_version;
	uint64_t e_entry, e_phoff, e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
} Elf64_Ehdr;

typedef struct {
	uint32_t p_type, p_flags;
	uint64_t p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
} Elf64_Phdr;

typedef struct {
	uint32_t sh_name, sh_type;
	uint64_t sh_flags, sh_addr, sh_offset, sh_size;
	uint32_t sh_link, sh_info;
	uint64_t sh_addralign, sh_entsize;
} Elf64_Shdr;

typedef struct {
	uint32_t st_name;
	unsigned char st_info, st_other;
	uint16_t st_shndx;
	uint64_t st_value, st_size;
} Elf64_Sym;

#define ELFMAG		"\177ELF"
#define SELFMAG		4
#define EI_CLASS	4
#define EI_DATA		5
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define EM_IA_64	50
#define PT_LOAD		1
#define SHT_NULL	0
#define SHT_SYMTAB	2
#define SHT_NOBITS	8
#define STT_NOTYPE	0
#define STT_OBJECT	1
#define STT_FUNC	2
#define ELF64_ST_TYPE(i) ((i) & 0xf)

static int fail(char *err, size_t n, const char *msg)
{
	snprintf(err, n, "%s", msg);
	return -1;
}

/* [off, off+len) inside the file? (overflow-safe) */
static int in_file(const struct elf_file *ef, uint64_t off, uint64_t len)
{
	return off <= ef->size && len <= ef->size - off;
}

int elf_parse(uint8_t *data, size_t size, struct elf_file *ef, char *err, size_t errlen)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)data;
	unsigned i;

	memset(ef, 0, sizeof(*ef));
	ef->data = data;
	ef->size = size;
	if (size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return fail(err, errlen, "not an ELF file");
	if (eh->e_ident[EI_CLASS] != ELFCLASS64)
		return fail(err, errlen, "not a 64-bit ELF file");
	if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return fail(err, errlen, "not a little-endian ELF file");
	if (eh->e_machine != EM_IA_64)
		return fail(err, errlen, "not an IA-64 ELF file (e_machine)");
	ef->entry = eh->e_entry;
	ef->phoff = eh->e_phoff;
	ef->shoff = eh->e_shoff;
	ef->phnum = eh->e_phnum;
	ef->shnum = eh->e_shnum;
	if (ef->phnum && (eh->e_phentsize != sizeof(Elf64_Phdr) ||
			  !in_file(ef, ef->phoff, (uint64_t)ef->phnum * sizeof(Elf64_Phdr))))
		return fail(err, errlen, "program header table out of range");
	if (ef->shnum && (eh->e_shentsize != sizeof(Elf64_Shdr) ||
			  !in_file(ef, ef->shoff, (uint64_t)ef->shnum * sizeof(Elf64_Shdr))))
		return fail(err, errlen, "section header table out of range");
	if (ef->shnum) {
		const Elf64_Shdr *sh = (const Elf64_Shdr *)(data + ef->shoff);

		if (eh->e_shstrndx >= ef->shnum)
			return fail(err, errlen, "bad section name table index");
		ef->shstr_off = sh[eh->e_shstrndx].sh_offset;
		ef->shstr_size = sh[eh->e_shstrndx].sh_size;
		if (!in_file(ef, ef->shstr_off, ef->shstr_size))
			return fail(err, errlen, "section name table out of range");
		for (i = 0; i < ef->shnum; i++) {
			if (sh[i].sh_type != SHT_NOBITS && sh[i].sh_type != SHT_NULL &&
			    !in_file(ef, sh[i].sh_offset, sh[i].sh_size))
				return fail(err, errlen, "section data out of range");
			if (sh[i].sh_type == SHT_SYMTAB && sh[i].sh_link < ef->shnum &&
			    sh[i].sh_entsize == sizeof(Elf64_Sym)) {
				const Elf64_Shdr *st = &sh[sh[i].sh_link];

				ef->sym_off = sh[i].sh_offset;
				ef->sym_count = sh[i].sh_size / sizeof(Elf64_Sym);
				ef->str_off = st->sh_offset;
				ef->str_size = st->sh_size;
				if (!in_file(ef, ef->str_off, ef->str_size))
					ef->sym_count = 0;
			}
		}
	}
	for (i = 0; i < ef->phnum; i++) {
		const Elf64_Phdr *ph = (const Elf64_Phdr *)(data + ef->phoff) + i;

		if (ph->p_type == PT_LOAD && (!in_file(ef, ph->p_offset, ph->p_filesz) ||
					      ph->p_filesz > ph->p_memsz))
			return fail(err, errlen, "PT_LOAD segment out of range");
	}
	return 0;
}

int elf_open(const char *path, struct elf_file *ef, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long sz;

	memset(ef, 0, sizeof(*ef));
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fseek(f, 0, SEEK_END) || (sz = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		snprintf(err, errlen, "%s: cannot determine size", path);
		return -1;
	}
	buf = malloc(sz ? (size_t)sz : 1);
	if (!buf || fread(buf, 1, (size_t)sz, f) != (size_t)sz) {
		free(buf);
		fclose(f);
		snprintf(err, errlen, "%s: read error", path);
		return -1;
	}
	fclose(f);
	if (elf_parse(buf, (size_t)sz, ef, err, errlen)) {
		free(buf);
		ef->data = NULL;
		return -1;
	}
	return 0;
}

void elf_close(struct elf_file *ef)
{
	free(ef->data);
	memset(ef, 0, sizeof(*ef));
}

int elf_section(const struct elf_file *ef, unsigned i, struct elf_section *s)
{
	const Elf64_Shdr *sh;

	if (i >= ef->shnum)
		return -1;
	sh = (const Elf64_Shdr *)(ef->data + ef->shoff) + i;
	memset(s, 0, sizeof(*s));
	s->name = "";
	if (sh->sh_name < ef->shstr_size &&
	    memchr(ef->data + ef->shstr_off + sh->sh_name, 0, ef->shstr_size - sh->sh_name))
		s->name = (const char *)ef->data + ef->shstr_off + sh->sh_name;
	s->addr = sh->sh_addr;
	s->size = sh->sh_size;
	s->flags = sh->sh_flags;
	s->type = sh->sh_type;
	if (sh->sh_type != SHT_NOBITS && sh->sh_type != SHT_NULL)
		s->data = ef->data + sh->sh_offset;
	return 0;
}

int elf_segment(const struct elf_file *ef, unsigned i, struct elf_segment *s)
{
	const Elf64_Phdr *ph;

	if (i >= ef->phnum)
		return -1;
	ph = (const Elf64_Phdr *)(ef->data + ef->phoff) + i;
	s->type = ph->p_type;
	s->flags = ph->p_flags;
	s->vaddr = ph->p_vaddr;
	s->filesz = ph->p_filesz;
	s->memsz = ph->p_memsz;
	s->align = ph->p_align;
	s->data = in_file(ef, ph->p_offset, ph->p_filesz) ? ef->data + ph->p_offset : NULL;
	return 0;
}

static const char *sym_name(const struct elf_file *ef, const Elf64_Sym *sym)
{
	if (sym->st_name >= ef->str_size ||
	    !memchr(ef->data + ef->str_off + sym->st_name, 0, ef->str_size - sym->st_name))
		return NULL;
	return (const char *)ef->data + ef->str_off + sym->st_name;
}

const char *elf_symbol_at(const struct elf_file *ef, uint64_t addr, uint64_t *off)
{
	const Elf64_Sym *syms = (const Elf64_Sym *)(ef->data + ef->sym_off);
	const char *best = NULL;
	uint64_t bestv = 0, i;

	for (i = 0; i < ef->sym_count; i++) {
		unsigned t = ELF64_ST_TYPE(syms[i].st_info);
		const char *nm;

		if (t != STT_FUNC && t != STT_NOTYPE && t != STT_OBJECT)
			continue;
		if (!syms[i].st_shndx || syms[i].st_value > addr)
			continue;
		if (best && syms[i].st_value <= bestv)
			continue;
		nm = sym_name(ef, &syms[i]);
		if (!nm || !nm[0])
			continue;
		best = nm;
		bestv = syms[i].st_value;
	}
	if (best && off)
		*off = addr - bestv;
	return best;
}

int elf_symbol(const struct elf_file *ef, uint64_t i, const char **name,
	       uint64_t *value, unsigned *type, int *defined)
{
	const Elf64_Sym *syms = (const Elf64_Sym *)(ef->data + ef->sym_off);

	if (i >= ef->sym_count)
		return -1;
	*name = sym_name(ef, &syms[i]);
	*value = syms[i].st_value;
	*type = ELF64_ST_TYPE(syms[i].st_info);
	*defined = syms[i].st_shndx != 0;
	return 0;
}

int elf_lookup(const struct elf_file *ef, const char *name, uint64_t *value)
{
	const Elf64_Sym *syms = (const Elf64_Sym *)(ef->data + ef->sym_off);
	uint64_t i;

	for (i = 0; i < ef->sym_count; i++) {
		const char *nm = sym_name(ef, &syms[i]);

		if (nm && !strcmp(nm, name)) {
			*value = syms[i].st_value;
			return 0;
		}
	}
	return -1;
}
