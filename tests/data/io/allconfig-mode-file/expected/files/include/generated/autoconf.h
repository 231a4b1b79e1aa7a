/*
 * Automatically generated file; DO NOT EDIT.
 * I/O test
 */
#define CONFIG_STR_EMPTY ""
#define CONFIG_HEX_BARE 0x2a
#define CONFIG_HEX_VAL 0x2a
#define CONFIG_SELECTOR 1
#define CONFIG_TRI_Y 1
#define CONFIG_INT_VAL 42
#define CONFIG_BOOL_N 1
#define CONFIG_STR_VAL "quote \" and backslash \\ inside"
#define CONFIG_SELECTED 1
#define CONFIG_TRI_M 1
