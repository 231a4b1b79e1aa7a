/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_DEP_ON_M_MODULE 1
#define CONFIG_MODULES 1
#define CONFIG_NOT_M_MODULE 1
#define CONFIG_DEFAULT_M_MODULE 1
#define CONFIG_BOOL_DEFAULT_M 1
#define CONFIG_IF_M_MODULE 1
