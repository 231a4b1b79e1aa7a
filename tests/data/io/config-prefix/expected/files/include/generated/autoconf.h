/*
 * Automatically generated file; DO NOT EDIT.
 * I/O test
 */
#define KCS_STR_EMPTY ""
#define KCS_HEX_BARE 0x2a
#define KCS_HEX_VAL 0x2a
#define KCS_BOOL_Y 1
#define KCS_SELECTOR_MODULE 1
#define KCS_MODULES 1
#define KCS_INT_VAL 42
#define KCS_BOOL_N 1
#define KCS_STR_VAL "quote \" and backslash \\ inside"
#define KCS_SELECTED_MODULE 1
#define KCS_TRI_M_MODULE 1
