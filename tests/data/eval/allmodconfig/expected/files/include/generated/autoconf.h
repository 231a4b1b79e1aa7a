/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_BOOL_UNDER_TRI 1
#define CONFIG_TRI_MODULE 1
#define CONFIG_SELECTOR 1
#define CONFIG_MODULES 1
#define CONFIG_INT_SYM 3
#define CONFIG_BOOL 1
#define CONFIG_TRI_UNDER_BOOL_MODULE 1
#define CONFIG_NO_PROMPT 1
#define CONFIG_SELECTED_Y 1
