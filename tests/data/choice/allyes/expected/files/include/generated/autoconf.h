/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_FEATURE 1
#define CONFIG_MEMBER_DEP_B 1
#define CONFIG_MODULES 1
#define CONFIG_DEP_A 1
#define CONFIG_DEF_B 1
#define CONFIG_PLAIN_A 1
