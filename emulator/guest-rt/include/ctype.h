/* SPDX-License-Identifier: MIT */
/* guest-rt: ASCII character classes. */
#ifndef GUEST_RT_CTYPE_H
#define GUEST_RT_CTYPE_H
int isdigit(int);
int isalpha(int);
int isalnum(int);
int isspace(int);
int isupper(int);
int islower(int);
int isprint(int);
int isxdigit(int);
int toupper(int);
int tolower(int);
#endif
