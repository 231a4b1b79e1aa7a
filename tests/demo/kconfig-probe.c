// SPDX-License-Identifier: MIT
// Golden-data probe for tst_demotree, used only by make-golden.sh.
//
// Linked against the object files of the kernel's own conf (scripts/kconfig),
// it does what an interactive front end does: parse a Kconfig tree, read a
// .config, then apply user changes one by one with sym_set_tristate_value()
// (recalculating every symbol before each change, as a front end does when
// it refreshes its view), and finally prints, for each symbol named in a
// file, its value and whether the user could change it.
//
// Usage: kconfig-probe KCONFIG DOTCONFIG SYMBOL_LIST [SYM=y|m|n ...]
// Output: "ACTION SYM=v ok|refused" per change, then "SYM VALUE CHANGEABLE"
// per symbol ("SYM - -" when the tree does not define it).
#include "internal.h"
#include "lkc.h"

#include <stdio.h>
#include <string.h>

static tristate parseTristate(const char *s)
{
    return s[0] == 'y' ? yes : s[0] == 'm' ? mod : no;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: kconfig-probe KCONFIG DOTCONFIG SYMBOL_LIST [SYM=v ...]\n");
        return 2;
    }
    conf_parse(argv[1]);
    conf_read(argv[2]);
    for (int i = 4; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq) {
            fprintf(stderr, "bad action %s\n", argv[i]);
            return 2;
        }
        *eq = '\0';
        struct symbol *sym = sym_find(argv[i]);
        if (!sym) {
            fprintf(stderr, "no symbol %s\n", argv[i]);
            return 2;
        }
        struct symbol *any;
        for_all_symbols(any)
        {
            sym_calc_value(any);
        }
        struct menu *choice = sym_get_choice_menu(sym);
        bool ok;
        if (choice && parseTristate(eq + 1) == yes) {
            choice_set_value(choice, sym);
            ok = true;
        } else {
            ok = sym_set_tristate_value(sym, parseTristate(eq + 1));
        }
        printf("ACTION %s=%s %s\n", argv[i], eq + 1, ok ? "ok" : "refused");
    }
    FILE *list = fopen(argv[3], "r");
    if (!list) {
        perror(argv[3]);
        return 2;
    }
    char name[256];
    while (fscanf(list, "%255s", name) == 1) {
        struct symbol *sym = sym_find(name);
        if (!sym || sym->type == S_UNKNOWN) {
            printf("%s - -\n", name);
            continue;
        }
        sym_calc_value(sym);
        printf("%s %s %d\n", name, sym_get_string_value(sym), sym_is_changeable(sym) ? 1 : 0);
    }
    fclose(list);
    return 0;
}
