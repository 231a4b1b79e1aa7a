/*
 * Automatically generated file; DO NOT EDIT.
 * I/O test
 */
#define CONFIG_STR_EMPTY ""
#define CONFIG_HEX_BARE 0x2a
#define CONFIG_HEX_VAL 0x2a
#define CONFIG_BOOL_Y 1
#define CONFIG_SELECTOR 1
#define CONFIG_TRI_Y 1
#define CONFIG_MODULES 1
#define CONFIG_BOOL_SELECTOR 1
#define CONFIG_INT_VAL 42
#define CONFIG_STR_VAL "quote \" and backslash \\ inside"
#define CONFIG_BOOL_DEP_TRI 1
#define CONFIG_SELECTED 1
#define CONFIG_TRI_SELECTED_Y 1
#define CONFIG_TRI_M 1
