"use client";

import { useMemo, useState } from "react";
import { Search, SearchX } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ALL_CATEGORIES, categoriesOf, filterConnectors } from "./catalog-model";
import { ConnectorCard, type MarketplaceConnector } from "./connector-card";

/** The catalog with a search box and a category filter; filtering happens in the browser. */
export function Marketplace({ connectors, canConnect }: { connectors: MarketplaceConnector[]; canConnect: boolean }) {
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState<string>(ALL_CATEGORIES);
  const categories = useMemo(() => categoriesOf(connectors), [connectors]);
  const shown = useMemo(() => filterConnectors(connectors, query, category), [connectors, query, category]);
  const filtered = query.trim() !== "" || category !== ALL_CATEGORIES;

  return (
    <div className="grid gap-4">
      <div role="search" className="flex flex-col gap-3 sm:flex-row">
        <div className="relative flex-1">
          <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input
            type="search"
            aria-label="Search connectors"
            placeholder="Search connectors"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className="pl-9"
          />
        </div>
        <Select value={category} onValueChange={setCategory}>
          <SelectTrigger aria-label="Category" className="w-full sm:w-52">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL_CATEGORIES}>All categories</SelectItem>
            {categories.map((c) => (
              <SelectItem key={c} value={c}>
                {c}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <p role="status" className="text-sm text-muted-foreground">
        {filtered ? `${shown.length} of ${connectors.length} connectors` : `${connectors.length} connectors`}
      </p>
      {shown.length === 0 ? (
        <EmptyState
          icon={SearchX}
          title="No connectors match"
          description="Try another word or category. For an API that is not listed, an admin can add a custom connector."
        >
          <Button
            variant="outline"
            onClick={() => {
              setQuery("");
              setCategory(ALL_CATEGORIES);
            }}
          >
            Clear filters
          </Button>
        </EmptyState>
      ) : (
        <ul aria-label="Connectors" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {shown.map((c) => (
            <li key={c.slug}>
              <ConnectorCard connector={c} canConnect={canConnect} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
