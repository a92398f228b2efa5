"use client";

import { useState } from "react";
import { Menu } from "lucide-react";

import { Button } from "@/components/ui/button";
import {
  Sheet,
  SheetContent,
  SheetDescription,
  SheetFooter,
  SheetHeader,
  SheetTitle,
  SheetTrigger,
} from "@/components/ui/sheet";
import { Brand } from "@/components/shell/brand";
import { NavLinks } from "@/components/shell/nav-links";

export function MobileNav({ userLabel }: { userLabel: string }) {
  const [open, setOpen] = useState(false);

  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="-ml-2 md:hidden" aria-label="Open menu">
          <Menu className="size-5" />
        </Button>
      </SheetTrigger>
      <SheetContent
        side="left"
        className="w-72 max-w-[85vw] gap-0 bg-sidebar p-0 text-sidebar-foreground"
      >
        <SheetHeader className="h-14 justify-center border-b px-4 py-0">
          <SheetTitle>
            <Brand />
          </SheetTitle>
          <SheetDescription className="sr-only">Go to a section of Junction.</SheetDescription>
        </SheetHeader>
        <div className="flex-1 overflow-y-auto p-3">
          {/* The sheet stays mounted across client navigations, so a chosen link must close it. */}
          <NavLinks onNavigate={() => setOpen(false)} />
        </div>
        <SheetFooter className="border-t text-sm text-muted-foreground">
          <p className="truncate">
            <span className="sr-only">Signed in as </span>
            {userLabel}
          </p>
        </SheetFooter>
      </SheetContent>
    </Sheet>
  );
}
