import { HardDrive } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";

export function LocalModeBadge() {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        {/* A real button so keyboard users can focus it and get the explanation too. */}
        <Badge asChild variant="secondary" className="h-6 cursor-default">
          <button type="button">
            <HardDrive className="hidden sm:block" />
            Local mode
          </button>
        </Badge>
      </TooltipTrigger>
      <TooltipContent side="bottom" className="max-w-64 text-pretty">
        Single local owner, bound to 127.0.0.1, no sign-in. Configure Supabase Auth to let
        several people sign in.
      </TooltipContent>
    </Tooltip>
  );
}
