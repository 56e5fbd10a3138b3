# SPDX-License-Identifier: GPL-2.0
#
# pvcheck: turn every privileged or privilege-sensitive instruction that
# is still present in preprocessed ivt.S/entry.S/fsys.S/gate.S into an
# assembler error.  The sources are preprocessed with the placeholder
# macro set (asm/native/pvchk_inst.h), so anything matched here was
# written raw instead of through the instruction macros that a hypervisor
# can redefine.  Run with sed -E.

# Preprocessor line markers are kept for the error locations.
/^#/b

# Reads of the interruption registers, the IVR and the PSR (not psr.um).
s/^.*mov[[:space:]]+[^=;]+=[[:space:]]*cr\.(ifa|itir|isr|iha|ipsr|iim|iip|ivr)\b.*$/.error "pvcheck: raw read of cr.\1, use MOV_FROM_*"/
s/^.*mov[[:space:]]+[^=;]+=[[:space:]]*psr[[:space:]]*([;}]|$).*$/.error "pvcheck: raw read of psr, use MOV_FROM_PSR"/

# Writes of the interruption registers and of the kernel registers.
s/^.*mov[[:space:]]+cr\.(ifa|itir|iha|ipsr|ifs|iip)[[:space:]]*=.*$/.error "pvcheck: raw write of cr.\1, use MOV_TO_*"/
s/^.*mov[[:space:]]+ar\.(k[0-7])[[:space:]]*=.*$/.error "pvcheck: raw write of ar.\1, use MOV_TO_KR"/

# Translation inserts, thash, changes of the psr bits that have macros
# (others, e.g. psr.dfh, trap and are emulated), bank switches, cover
# and rfi.
s/^.*\b(itc\.[id]|thash)\b.*$/.error "pvcheck: raw \1"/
s/^.*\b(ssm|rsm)[[:space:]]+[^;]*psr\.(i|ic|dt|be)\b.*$/.error "pvcheck: raw \1 psr.\2, use SSM_PSR_*\/RSM_PSR_*"/
s/^.*\b(bsw\.[01])\b.*$/.error "pvcheck: raw \1, use BSW_0\/BSW_1"/
s/^(.*[[:space:];{}])?(cover|rfi)([[:space:];}].*)?$/.error "pvcheck: raw \2, use COVER\/RFI"/
