/*
 * Automatically generated file; DO NOT EDIT.
 * I/O test
 */
#define CONFIG_STR_EMPTY ""
#define CONFIG_HEX_BARE 0x2a
#define CONFIG_HEX_VAL 0x2a
#define CONFIG_BOOL_Y 1
#define CONFIG_SELECTOR_MODULE 1
#define CONFIG_TRI_Y 1
#define CONFIG_MODULES 1
#define CONFIG_INT_VAL 42
#define CONFIG_STR_VAL "quote \" and backslash \\ inside"
#define CONFIG_SELECTED_MODULE 1
#define CONFIG_TRI_M_MODULE 1
