/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_TRI 1
#define CONFIG_DEFAULT_M 1
#define CONFIG_BOOL 1
#define CONFIG_TRI_DEP 1
