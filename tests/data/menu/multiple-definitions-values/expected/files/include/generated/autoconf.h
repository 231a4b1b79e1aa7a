/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_FLAG 1
#define CONFIG_NUM 2
