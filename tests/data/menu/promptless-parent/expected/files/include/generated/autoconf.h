/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_HIDDEN 1
#define CONFIG_HIDDEN_CHILD 1
#define CONFIG_VISIBLE 1
#define CONFIG_CHILD_1 1
