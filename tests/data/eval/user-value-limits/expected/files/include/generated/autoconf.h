/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_CHILD_MODULE 1
#define CONFIG_SELECTOR 1
#define CONFIG_MODULES 1
#define CONFIG_SELECTED 1
#define CONFIG_VISIBLE_M_MODULE 1
#define CONFIG_PARENT_MODULE 1
