/*
 * Automatically generated file; DO NOT EDIT.
 * Main 'quoted' "menu"
 */
#define CONFIG_DOUBLE "say \"hi\" and 'bye' \\ done"
#define CONFIG_NOT_EQUAL 1
#define CONFIG_EQUAL 1
#define CONFIG_HASH "# not a comment"
#define CONFIG_SINGLE "it\"s"
#define CONFIG_BACKSLASH "a\\bc\\\\d"
